package io.piha.poe.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A UniFi switch through its Network controller: classic ({@code /api/login}) or UniFi OS
 * ({@code /api/auth/login}, API under {@code /proxy/network}, CSRF token). Ports are {@code port_idx},
 * {@code PortAddress.of(0, portIdx)}; the switch is named by MAC.
 *
 * <p>A cycle is {@code cmd/devmgr power-cycle}: the switch turns the port back on itself (its own off
 * time; {@code offTime} is not sent). Off and on rewrite the device's {@code port_overrides}, a
 * read-modify-write serialised per driver. An expired session is renewed once. Thread-safe.
 *
 * @since 0.1
 */
public final class UnifiPoeDriver implements PoeDriver {

    /** Which controller login and path layout. */
    public enum Flavor {
        /** Self-hosted Network application: {@code /api/login}, API at the root. */
        CLASSIC,
        /** UniFi OS consoles (UDM, UCG, Cloud Key Gen2+): {@code /api/auth/login}, API under {@code /proxy/network}. */
        UNIFI_OS
    }

    private final HttpDeviceConfig config;
    private final String site;
    private final String mac;
    private final Flavor flavor;
    private final DeviceHttp http;
    private boolean loggedIn;

    /**
     * @param config controller address, user and password; labels map to {@code PortAddress.of(0, portIdx)}
     * @param site the controller site, e.g. {@code default}
     * @param mac the switch's MAC address, lower case with colons
     * @param flavor classic or UniFi OS
     */
    public UnifiPoeDriver(HttpDeviceConfig config, String site, String mac, Flavor flavor) {
        this.config = config;
        this.site = Objects.requireNonNull(site, "site");
        this.mac = Objects.requireNonNull(mac, "mac");
        this.flavor = Objects.requireNonNull(flavor, "flavor");
        if (!site.matches("[A-Za-z0-9_-]+") || !mac.matches("([0-9a-f]{2}:){5}[0-9a-f]{2}")) {
            throw new IllegalArgumentException("switch " + config.portMap().switchName() + ": bad site '" + site
                    + "' or MAC '" + mac + "' (lower case, colons)");
        }
        this.http = new DeviceHttp(config, DeviceHttp.Auth.NONE);
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
    public synchronized PortStatus status(String label) {
        JsonNode port = port(label, device(label));
        String mode = port.path("poe_mode").asText("");
        boolean on = !mode.equals("off");
        Detection detection = !on ? Detection.DISABLED
                : port.path("poe_good").asBoolean(false) ? Detection.DELIVERING_POWER : Detection.SEARCHING;
        OptionalDouble watts = port.hasNonNull("poe_power")
                ? OptionalDouble.of(port.get("poe_power").asDouble()) : OptionalDouble.empty();
        return new PortStatus(label, on, detection, watts, OptionalDouble.empty());
    }

    @Override
    public synchronized void powerOff(String label) {
        setMode(label, "off");
    }

    @Override
    public synchronized void powerOn(String label) {
        setMode(label, "auto");
    }

    @Override
    public synchronized void powerCycle(String label, Duration offTime) {
        port(label, device(label));
        call(label, "POST", devmgr(), Optional.of(cycleBody(label)));
    }

    @Override
    public List<PlannedRequest> plan(PowerAction action, String label, Duration offTime) {
        int idx = portIdx(label);
        return switch (action) {
            case CYCLE -> List.of(http.plan("POST", devmgr(), cycleBody(label)));
            case OFF, ON -> List.of(http.plan("GET", statDevice(), ""), http.plan("PUT",
                    prefix() + "/api/s/" + site + "/rest/device/{_id of " + mac + "}",
                    "{\"port_overrides\":[<other overrides kept>,{\"port_idx\":" + idx + ",\"poe_mode\":\""
                            + (action == PowerAction.OFF ? "off" : "auto") + "\"}]}"));
        };
    }

    @Override
    public void close() {
        http.logout();
        http.close();
    }

    private void setMode(String label, String mode) {
        JsonNode device = device(label);
        port(label, device);
        int idx = portIdx(label);
        ArrayNode overrides = DeviceHttp.JSON.createArrayNode();
        boolean found = false;
        for (JsonNode existing : device.path("port_overrides")) {
            ObjectNode copy = existing.deepCopy();
            if (copy.path("port_idx").asInt() == idx) {
                copy.put("poe_mode", mode);
                found = true;
            }
            overrides.add(copy);
        }
        if (!found) {
            overrides.addObject().put("port_idx", idx).put("poe_mode", mode);
        }
        String id = device.path("_id").asText();
        ObjectNode body = DeviceHttp.JSON.createObjectNode();
        body.set("port_overrides", overrides);
        call(label, "PUT", prefix() + "/api/s/" + site + "/rest/device/" + id, Optional.of(body.toString()));
    }

    private JsonNode device(String label) {
        JsonNode data = call(label, "GET", statDevice(), Optional.empty());
        if (!data.isArray() || data.size() != 1 || !data.get(0).has("port_table")) {
            throw new PoeException.UnexpectedAnswer(http.name(), label, "stat/device/" + mac
                    + " did not return one switch with a port_table: " + data);
        }
        return data.get(0);
    }

    private JsonNode port(String label, JsonNode device) {
        int idx = portIdx(label);
        for (JsonNode port : device.get("port_table")) {
            if (port.path("port_idx").asInt() == idx) {
                return port;
            }
        }
        throw new PoeException.UnknownPort(http.name(), label, "mapped to port_idx " + idx + " but switch " + mac
                + " has no such port in its port_table");
    }

    /** One API call with the session: logs in first, renews an expired session once, checks meta.rc. */
    private JsonNode call(String label, String method, String path, Optional<String> body) {
        if (!loggedIn) {
            login(label);
        }
        DeviceHttp.Answer answer = http.sendRaw(label, method, path, path, body);
        if (answer.status() == 401) {
            login(label);
            answer = http.sendRaw(label, method, path, path, body);
        }
        if (answer.status() == 401 || answer.status() == 403) {
            throw http.denied(label, method, path, answer);
        }
        answer.headers().firstValue("X-Updated-CSRF-Token").ifPresent(t -> http.csrfToken(Optional.of(t)));
        JsonNode meta = answer.body().path("meta");
        if (!answer.ok() || !"ok".equals(meta.path("rc").asText())) {
            throw http.unexpected(label, path, answer);
        }
        return answer.body().path("data");
    }

    private void login(String label) {
        http.logout();
        ObjectNode credentials = DeviceHttp.JSON.createObjectNode().put("username", config.user())
                .put("password", config.passwordText());
        String path = flavor == Flavor.UNIFI_OS ? "/api/auth/login" : "/api/login";
        DeviceHttp.Answer answer = http.sendRaw(label, "POST", path, path, Optional.of(credentials.toString()));
        boolean invalid = answer.status() == 400 && answer.body().path("meta").path("msg").asText().startsWith("api.err.Invalid");
        if (answer.status() == 401 || answer.status() == 403 || invalid) {
            throw http.denied(label, "POST", path, answer);
        }
        if (!answer.ok()) {
            throw http.unexpected(label, path, answer);
        }
        http.csrfToken(answer.headers().firstValue("X-CSRF-Token").or(() -> http.cookie("csrf_token")));
        loggedIn = true;
    }

    private String cycleBody(String label) {
        return "{\"cmd\":\"power-cycle\",\"mac\":\"" + mac + "\",\"port_idx\":" + portIdx(label) + "}";
    }

    private String devmgr() {
        return prefix() + "/api/s/" + site + "/cmd/devmgr";
    }

    private String statDevice() {
        return prefix() + "/api/s/" + site + "/stat/device/" + mac;
    }

    private String prefix() {
        return flavor == Flavor.UNIFI_OS ? "/proxy/network" : "";
    }

    private int portIdx(String label) {
        int idx = config.portMap().require(label).port();
        if (idx < 1) {
            throw new PoeException.UnknownPort(http.name(), label, "mapped without a port_idx; use PortAddress.of(0, n)");
        }
        return idx;
    }
}
