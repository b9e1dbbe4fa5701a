package io.piha.poe.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.piha.api.recovery.PlannedRequest;
import io.piha.api.recovery.PoeCapability;
import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PoeException;
import io.piha.api.recovery.PortMap;
import io.piha.api.recovery.PortStatus;
import io.piha.api.recovery.PortStatus.Detection;
import io.piha.api.recovery.PowerAction;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * MikroTik RouterOS v7 over its REST API ({@code /rest/interface/ethernet/poe}), HTTP Basic over HTTPS.
 * Ports are named by interface ({@code PortAddress.named("ether3")}).
 *
 * <p>A cycle is {@code power-cycle} with a {@code duration}: the switch powers the port back on itself,
 * even if this process dies meanwhile. Read-back is {@code monitor once}. Thread-safe.
 *
 * @since 0.1
 */
public final class RouterOsPoeDriver implements PoeDriver {

    private static final String POE = "/rest/interface/ethernet/poe";
    private final HttpDeviceConfig config;
    private final DeviceHttp http;

    /** A driver for one RouterOS switch; nothing is sent until the first call. */
    public RouterOsPoeDriver(HttpDeviceConfig config) {
        this.config = config;
        this.http = new DeviceHttp(config, DeviceHttp.Auth.BASIC);
    }

    @Override
    public PortMap portMap() {
        return config.portMap();
    }

    @Override
    public Set<PoeCapability> capabilities() {
        Set<PoeCapability> caps = EnumSet.of(PoeCapability.ON_OFF, PoeCapability.NATIVE_CYCLE,
                PoeCapability.READ_BACK, PoeCapability.POWER_READINGS);
        if ("https".equals(config.baseUri().getScheme())) {
            caps.add(PoeCapability.SECURE_TRANSPORT);
        }
        return Set.copyOf(caps);
    }

    @Override
    public PortStatus status(String label) {
        JsonNode answer = post(label, POE + "/monitor", body(label, "\"once\":\"\""));
        JsonNode port = answer.isArray() && answer.size() == 1 ? answer.get(0) : answer;
        if (!port.hasNonNull("poe-out-status") || !port.hasNonNull("poe-out")) {
            throw new PoeException.UnexpectedAnswer(http.name(), label, "monitor of " + iface(label)
                    + " lacks poe-out/poe-out-status: " + answer);
        }
        return new PortStatus(label, !"off".equals(port.get("poe-out").asText()),
                detection(port.get("poe-out-status").asText()), watts(port.get("poe-out-power")),
                OptionalDouble.empty());
    }

    @Override
    public void powerOff(String label) {
        post(label, POE + "/set", body(label, "\"poe-out\":\"off\""));
    }

    @Override
    public void powerOn(String label) {
        post(label, POE + "/set", body(label, "\"poe-out\":\"auto-on\""));
    }

    @Override
    public void powerCycle(String label, Duration offTime) {
        post(label, POE + "/power-cycle", body(label, "\"duration\":\"" + seconds(offTime) + "s\""));
    }

    @Override
    public List<PlannedRequest> plan(PowerAction action, String label, Duration offTime) {
        return List.of(switch (action) {
            case OFF -> http.plan("POST", POE + "/set", body(label, "\"poe-out\":\"off\""));
            case ON -> http.plan("POST", POE + "/set", body(label, "\"poe-out\":\"auto-on\""));
            case CYCLE -> http.plan("POST", POE + "/power-cycle",
                    body(label, "\"duration\":\"" + seconds(offTime) + "s\""));
        });
    }

    @Override
    public void close() {
        http.close();
    }

    private JsonNode post(String label, String path, String body) {
        DeviceHttp.Answer answer = http.send(label, "POST", path, path, Optional.of(body));
        if (answer.ok()) {
            return answer.body();
        }
        String detail = answer.body().path("detail").asText("");
        if (answer.status() == 400 && detail.contains("no such item")) {
            throw new PoeException.UnknownPort(http.name(), label, "mapped to " + iface(label) + " but "
                    + config.baseUri() + path + " says: " + detail);
        }
        throw http.unexpected(label, path, answer);
    }

    private String body(String label, String extra) {
        return "{\"numbers\":\"" + iface(label) + "\"," + extra + "}";
    }

    private String iface(String label) {
        String name = config.portMap().require(label).nativeName();
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new PoeException.UnknownPort(http.name(), label, "mapped to '" + name
                    + "', which is not a RouterOS interface name");
        }
        return name;
    }

    private static long seconds(Duration offTime) {
        return Math.max(1, (offTime.toMillis() + 999) / 1000);
    }

    private static OptionalDouble watts(JsonNode power) {
        if (power == null || power.isNull()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(power.asText()));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    static Detection detection(String status) {
        return switch (status) {
            case "powered-on" -> Detection.DELIVERING_POWER;
            case "waiting-for-load" -> Detection.SEARCHING;
            case "disabled" -> Detection.DISABLED;
            case "short-circuit", "overload", "voltage-too-low", "current-too-low" -> Detection.FAULT;
            default -> Detection.UNKNOWN;
        };
    }
}
