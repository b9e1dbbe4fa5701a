package io.piha.poe.rest;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A Netgear managed switch of the M4250, M4300 or M4350 series through its REST API ({@code /api/v1}, HTTPS,
 * port 8443 by default, a self-signed certificate to pin): {@code POST login} for a bearer token,
 * {@code GET swcfg_poe?portid=ALL} to read, {@code POST swcfg_poe?portid=N} to switch, with
 * {@code "reset": true} to have the switch cycle the port itself. Ports are the switch's port numbers,
 * {@code PortAddress.of(0, n)}.
 *
 * <p>Writes repeat the port's power limit settings as read, as the API wants them. An expired token is renewed
 * once. The GS30x/GS31x "Plus" switches have no such API (only their web pages) and are not supported.
 * Thread-safe.
 *
 * @since 0.1
 */
public final class NetgearPoeDriver implements PoeDriver {

    private static final String API = "/api/v1";
    private final HttpDeviceConfig config;
    private final DeviceHttp http;
    private boolean loggedIn;

    /** A driver for one switch; nothing is sent until the first call. */
    public NetgearPoeDriver(HttpDeviceConfig config) {
        this.config = config;
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
        JsonNode port = port(label);
        boolean enabled = port.path("enable").asBoolean(false);
        OptionalDouble watts = port.hasNonNull("currentPower")
                ? OptionalDouble.of(port.get("currentPower").asDouble() / 1000.0) : OptionalDouble.empty();
        return new PortStatus(label, enabled, enabled ? detection(port.path("status").asInt(-1)) : Detection.DISABLED,
                watts, OptionalDouble.empty());
    }

    @Override
    public synchronized void powerOff(String label) {
        write(label, port(label), "enable", false);
    }

    @Override
    public synchronized void powerOn(String label) {
        write(label, port(label), "enable", true);
    }

    @Override
    public synchronized void powerCycle(String label, Duration offTime) {
        write(label, port(label), "reset", true);
    }

    @Override
    public List<PlannedRequest> plan(PowerAction action, String label, Duration offTime) {
        String change = switch (action) {
            case OFF -> "\"enable\":false";
            case ON -> "\"enable\":true";
            case CYCLE -> "\"reset\":true";
        };
        return List.of(http.plan("GET", API + "/swcfg_poe?portid=ALL", ""),
                http.plan("POST", API + "/swcfg_poe?portid=" + portId(label),
                        "{\"poePortConfig\":{<powerLimitMode, classification, powerLimit as read>," + change + "}}"));
    }

    @Override
    public void close() {
        http.logout();
        http.close();
    }

    private JsonNode port(String label) {
        int id = portId(label);
        JsonNode ports = call(label, "GET", API + "/swcfg_poe?portid=ALL", Optional.empty()).path("poePortConfig");
        for (JsonNode port : ports) {
            if (port.path("portid").asInt() == id) {
                return port;
            }
        }
        throw new PoeException.UnknownPort(http.name(), label, "mapped to port " + id + " but "
                + config.baseUri() + API + "/swcfg_poe lists no such PoE port");
    }

    private void write(String label, JsonNode current, String key, boolean value) {
        ObjectNode settings = DeviceHttp.JSON.createObjectNode();
        for (String kept : List.of("enable", "powerLimitMode", "classification", "powerLimit")) {
            if (current.has(kept)) {
                settings.set(kept, current.get(kept));
            }
        }
        settings.put(key, value);
        ObjectNode body = DeviceHttp.JSON.createObjectNode();
        body.set("poePortConfig", settings);
        call(label, "POST", API + "/swcfg_poe?portid=" + portId(label), Optional.of(body.toString()));
    }

    /** One call with the token: logs in first, renews an expired token once, checks the resp envelope. */
    private JsonNode call(String label, String method, String path, Optional<String> body) {
        if (!loggedIn) {
            login(label);
        }
        DeviceHttp.Answer answer = http.sendRaw(label, method, path, path, body);
        if (answer.status() == 401 || answer.status() == 403) {
            login(label);
            answer = http.sendRaw(label, method, path, path, body);
        }
        if (answer.status() == 401 || answer.status() == 403) {
            throw http.denied(label, method, path, answer);
        }
        if (!answer.ok() || !"success".equals(answer.body().path("resp").path("status").asText())) {
            throw http.unexpected(label, path, answer);
        }
        return answer.body();
    }

    private void login(String label) {
        http.logout();
        loggedIn = false;
        ObjectNode credentials = DeviceHttp.JSON.createObjectNode();
        credentials.putObject("login").put("username", config.user()).put("password", config.passwordText());
        String path = API + "/login";
        DeviceHttp.Answer answer = http.sendRaw(label, "POST", path, path, Optional.of(credentials.toString()));
        String token = answer.body().path("login").path("token").asText("");
        boolean success = "success".equals(answer.body().path("resp").path("status").asText());
        if (answer.status() == 401 || answer.status() == 403 || (answer.ok() && !success)) {
            throw new PoeException.AccessDenied(http.name(), label, "user '" + config.user() + "' refused by POST "
                    + config.baseUri() + path + ": " + answer.body().path("resp").path("respMsg").asText("HTTP "
                    + answer.status()));
        }
        if (!answer.ok() || token.isEmpty()) {
            throw http.unexpected(label, path, answer);
        }
        http.authorization(Optional.of("Bearer " + token));
        loggedIn = true;
    }

    private int portId(String label) {
        int id = config.portMap().require(label).port();
        if (id < 1) {
            throw new PoeException.UnknownPort(http.name(), label, "mapped without a port number; use "
                    + "PortAddress.of(0, n)");
        }
        return id;
    }

    /** The API's PoE status codes: -1 invalid, 0 disabled ... 7 overload. */
    static Detection detection(int status) {
        return switch (status) {
            case 0 -> Detection.DISABLED;
            case 1, 6 -> Detection.SEARCHING;
            case 2 -> Detection.DELIVERING_POWER;
            case 3 -> Detection.TEST;
            case 4, 7 -> Detection.FAULT;
            case 5 -> Detection.OTHER_FAULT;
            default -> Detection.UNKNOWN;
        };
    }
}
