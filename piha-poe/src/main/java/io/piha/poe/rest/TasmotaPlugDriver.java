package io.piha.poe.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.piha.api.recovery.PlannedRequest;
import io.piha.api.recovery.PoeCapability;
import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PoeException;
import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import io.piha.api.recovery.PortStatus;
import io.piha.api.recovery.PortStatus.Detection;
import io.piha.api.recovery.PowerAction;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Tasmota smart plug or relay board as the fallback for a host on a plain switch, over its
 * {@code /cm?cmnd=} web command API. Each label maps to a relay, {@code PortAddress.of(0, relay)}.
 *
 * <p>A cycle is {@code Backlog PowerN Off; Delay T; PowerN On}, run by the plug itself. Tasmota takes the
 * password in the query string, so plans and errors show it as {@code ***}; prefer a plug on its own VLAN.
 * Thread-safe.
 *
 * @since 0.1
 */
public final class TasmotaPlugDriver implements PoeDriver {

    /** Tasmota's longest {@code Delay}: 3600 tenths of a second. */
    static final Duration LONGEST_DELAY = Duration.ofSeconds(360);
    private final HttpDeviceConfig config;
    private final DeviceHttp http;

    /** A driver for one Tasmota device; nothing is sent until the first call. */
    public TasmotaPlugDriver(HttpDeviceConfig config) {
        this.config = config;
        this.http = new DeviceHttp(config, DeviceHttp.Auth.NONE);
    }

    @Override
    public PortMap portMap() {
        return config.portMap();
    }

    @Override
    public Set<PoeCapability> capabilities() {
        return Set.of(PoeCapability.ON_OFF, PoeCapability.NATIVE_CYCLE, PoeCapability.READ_BACK);
    }

    @Override
    public PortStatus status(String label) {
        boolean on = power(label, command(label, "Power" + relay(label)));
        return PortStatus.of(label, on, on ? Detection.DELIVERING_POWER : Detection.DISABLED);
    }

    @Override
    public void powerOff(String label) {
        power(label, command(label, "Power" + relay(label) + " Off"));
    }

    @Override
    public void powerOn(String label) {
        power(label, command(label, "Power" + relay(label) + " On"));
    }

    @Override
    public void powerCycle(String label, Duration offTime) {
        command(label, cycle(label, offTime));
    }

    @Override
    public List<PlannedRequest> plan(PowerAction action, String label, Duration offTime) {
        String cmnd = switch (action) {
            case OFF -> "Power" + relay(label) + " Off";
            case ON -> "Power" + relay(label) + " On";
            case CYCLE -> cycle(label, offTime);
        };
        return List.of(http.plan("GET", path(cmnd, "***"), ""));
    }

    @Override
    public void close() {
        http.close();
    }

    private String cycle(String label, Duration offTime) {
        if (offTime.compareTo(LONGEST_DELAY) > 0) {
            throw new IllegalArgumentException("Tasmota delays at most " + LONGEST_DELAY + ", asked " + offTime);
        }
        int n = relay(label);
        long tenths = Math.max(1, offTime.toMillis() / 100);
        return "Backlog Power" + n + " Off; Delay " + tenths + "; Power" + n + " On";
    }

    private JsonNode command(String label, String cmnd) {
        String shown = path(cmnd, "***");
        DeviceHttp.Answer answer = http.send(label, "GET", path(cmnd, config.passwordText()), shown,
                Optional.empty());
        if (!answer.ok()) {
            throw http.unexpected(label, shown, answer);
        }
        if ("Unknown".equals(answer.body().path("Command").asText())) {
            throw new PoeException.UnknownPort(http.name(), label, "the plug does not know relay " + relay(label)
                    + " (" + answer.body() + ")");
        }
        return answer.body();
    }

    private boolean power(String label, JsonNode answer) {
        JsonNode state = answer.has("POWER" + relay(label)) ? answer.get("POWER" + relay(label)) : answer.get("POWER");
        if (state == null || !(state.asText().equals("ON") || state.asText().equals("OFF"))) {
            throw new PoeException.UnexpectedAnswer(http.name(), label, "no POWER" + relay(label) + " ON/OFF in "
                    + answer);
        }
        return state.asText().equals("ON");
    }

    private String path(String cmnd, String password) {
        return "/cm?user=" + enc(config.user()) + "&password=" + (password.equals("***") ? "***" : enc(password))
                + "&cmnd=" + enc(cmnd);
    }

    private int relay(String label) {
        PortAddress at = config.portMap().require(label);
        if (at.port() < 1 || at.port() > 32) {
            throw new PoeException.UnknownPort(http.name(), label, "mapped to '" + at
                    + "', expected a Tasmota relay 1..32 as PortAddress.of(0, relay)");
        }
        return at.port();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
