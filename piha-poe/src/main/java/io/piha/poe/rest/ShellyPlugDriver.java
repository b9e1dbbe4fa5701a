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
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A Shelly Gen2/Gen3 smart plug or relay as the fallback for a host on a plain switch, over the RPC HTTP
 * API with Digest authentication (user {@code admin}). Each label maps to a switch component,
 * {@code PortAddress.named("switch:0")}.
 *
 * <p>A cycle is {@code Switch.Set} off with {@code toggle_after}: the plug turns itself back on. Read-back
 * is the relay's {@code output} (a plug cannot see the device, so on means delivering power) and
 * {@code apower} in watts. Thread-safe.
 *
 * @since 0.1
 */
public final class ShellyPlugDriver implements PoeDriver {

    private final HttpDeviceConfig config;
    private final DeviceHttp http;

    /** A driver for one Shelly device; nothing is sent until the first call. */
    public ShellyPlugDriver(HttpDeviceConfig config) {
        this.config = config;
        this.http = new DeviceHttp(config, DeviceHttp.Auth.DIGEST);
    }

    @Override
    public PortMap portMap() {
        return config.portMap();
    }

    @Override
    public Set<PoeCapability> capabilities() {
        return Set.of(PoeCapability.ON_OFF, PoeCapability.NATIVE_CYCLE, PoeCapability.READ_BACK,
                PoeCapability.POWER_READINGS);
    }

    @Override
    public PortStatus status(String label) {
        String path = "/rpc/Switch.GetStatus?id=" + id(label);
        JsonNode status = call(label, "GET", path, Optional.empty());
        if (!status.path("output").isBoolean()) {
            throw new PoeException.UnexpectedAnswer(http.name(), label, path + " lacks a boolean output: " + status);
        }
        boolean on = status.get("output").asBoolean();
        return new PortStatus(label, on, on ? Detection.DELIVERING_POWER : Detection.DISABLED,
                status.path("apower").isNumber() ? OptionalDouble.of(status.get("apower").asDouble())
                        : OptionalDouble.empty(), OptionalDouble.empty());
    }

    @Override
    public void powerOff(String label) {
        set(label, "{\"id\":" + id(label) + ",\"on\":false}");
    }

    @Override
    public void powerOn(String label) {
        set(label, "{\"id\":" + id(label) + ",\"on\":true}");
    }

    @Override
    public void powerCycle(String label, Duration offTime) {
        set(label, cycleBody(label, offTime));
    }

    @Override
    public List<PlannedRequest> plan(PowerAction action, String label, Duration offTime) {
        String body = switch (action) {
            case OFF -> "{\"id\":" + id(label) + ",\"on\":false}";
            case ON -> "{\"id\":" + id(label) + ",\"on\":true}";
            case CYCLE -> cycleBody(label, offTime);
        };
        return List.of(http.plan("POST", "/rpc/Switch.Set", body));
    }

    @Override
    public void close() {
        http.close();
    }

    private String cycleBody(String label, Duration offTime) {
        return "{\"id\":" + id(label) + ",\"on\":false,\"toggle_after\":" + Math.max(1, offTime.toSeconds()) + "}";
    }

    private void set(String label, String body) {
        JsonNode answer = call(label, "POST", "/rpc/Switch.Set", Optional.of(body));
        if (!answer.has("was_on")) {
            throw new PoeException.UnexpectedAnswer(http.name(), label, "Switch.Set answered without was_on: "
                    + answer);
        }
    }

    private JsonNode call(String label, String method, String path, Optional<String> body) {
        DeviceHttp.Answer answer = http.send(label, method, path, path, body);
        if (answer.ok()) {
            return answer.body();
        }
        if (answer.body().path("code").asInt() == -105) {
            throw new PoeException.UnknownPort(http.name(), label, "mapped to switch:" + id(label) + " but "
                    + config.baseUri() + " says: " + answer.body().path("message").asText());
        }
        throw http.unexpected(label, path, answer);
    }

    private int id(String label) {
        String name = config.portMap().require(label).nativeName();
        if (!name.matches("switch:\\d{1,3}")) {
            throw new PoeException.UnknownPort(http.name(), label, "mapped to '" + name
                    + "', expected a Shelly component such as switch:0");
        }
        return Integer.parseInt(name.substring("switch:".length()));
    }
}
