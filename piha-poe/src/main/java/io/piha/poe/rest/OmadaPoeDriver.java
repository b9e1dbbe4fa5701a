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
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A TP-Link Omada switch through its controller's Open API (Omada controller 5.9 and later, software or
 * OC200/OC300): client credentials of an Open API application ({@code user} is the client id, the password
 * its secret) for an access token, the controller id from {@code /api/info}, the site by name. Reads
 * {@code switches/ports/poe-info}; switches with {@code multi-ports/poe-mode} after enabling the port's
 * profile override, as the controller requires. Ports are the switch's port numbers, {@code PortAddress.of(0, n)}.
 *
 * <p>The API has no PoE cycle of its own, so a cycle is off and on (the safety layer journals it). An
 * expired token is renewed once. Thread-safe.
 *
 * @since 0.1
 */
public final class OmadaPoeDriver implements PoeDriver {

    private final HttpDeviceConfig config;
    private final String site;
    private final String mac;
    private final DeviceHttp http;
    private String omadacId;
    private String siteId;

    /**
     * @param config controller address, Open API client id as user and client secret as password
     * @param site the site's name as the controller shows it (e.g. {@code Default}) or its id
     * @param mac the switch's MAC address, with colons or dashes
     */
    public OmadaPoeDriver(HttpDeviceConfig config, String site, String mac) {
        this.config = config;
        this.site = Objects.requireNonNull(site, "site");
        String m = mac.strip().toUpperCase(Locale.ROOT).replace(':', '-');
        if (!m.matches("([0-9A-F]{2}-){5}[0-9A-F]{2}")) {
            throw new IllegalArgumentException("switch " + config.portMap().switchName() + ": bad MAC '" + mac + "'");
        }
        this.mac = m;
        this.http = new DeviceHttp(config, DeviceHttp.Auth.NONE);
    }

    @Override
    public PortMap portMap() {
        return config.portMap();
    }

    @Override
    public Set<PoeCapability> capabilities() {
        Set<PoeCapability> caps = EnumSet.of(PoeCapability.ON_OFF, PoeCapability.READ_BACK,
                PoeCapability.POWER_READINGS);
        if ("https".equals(config.baseUri().getScheme())) {
            caps.add(PoeCapability.SECURE_TRANSPORT);
        }
        return Set.copyOf(caps);
    }

    @Override
    public synchronized PortStatus status(String label) {
        JsonNode port = port(label);
        boolean enabled = port.path("poe").asInt(0) == 1;
        Detection detection = detection(port);
        OptionalDouble watts = port.hasNonNull("power") ? OptionalDouble.of(port.get("power").asDouble())
                : OptionalDouble.empty();
        String klass = port.path("pdClass").asText("").replaceAll("\\D", "");
        return new PortStatus(label, enabled, detection, watts, OptionalDouble.empty(),
                klass.length() == 1 ? OptionalInt.of(Integer.parseInt(klass)) : OptionalInt.empty());
    }

    @Override
    public synchronized void powerOff(String label) {
        setMode(label, 0);
    }

    @Override
    public synchronized void powerOn(String label) {
        setMode(label, 1);
    }

    @Override
    public void powerCycle(String label, Duration offTime) {
        powerOff(label);
        try {
            Thread.sleep(offTime.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            powerOn(label);
        }
    }

    @Override
    public List<PlannedRequest> plan(PowerAction action, String label, Duration offTime) {
        String base = "/openapi/v1/{omadacId}/sites/{siteId of " + site + "}/switches/" + mac + "/multi-ports";
        int n = portNumber(label);
        PlannedRequest override = http.plan("PUT", base + "/profile-override",
                "{\"portList\":[" + n + "],\"profileOverrideEnable\":true}");
        PlannedRequest off = http.plan("PUT", base + "/poe-mode", "{\"portList\":[" + n + "],\"poeMode\":0}");
        PlannedRequest on = http.plan("PUT", base + "/poe-mode", "{\"portList\":[" + n + "],\"poeMode\":1}");
        return switch (action) {
            case OFF -> List.of(override, off);
            case ON -> List.of(override, on);
            case CYCLE -> List.of(override, off, new PlannedRequest("local", "WAIT", offTime.toString(), ""), on);
        };
    }

    @Override
    public void close() {
        http.logout();
        http.close();
    }

    private JsonNode port(String label) {
        int n = portNumber(label);
        JsonNode data = call(label, "GET", "/switches/ports/poe-info?page=1&pageSize=1000", Optional.empty())
                .path("data");
        for (JsonNode port : data) {
            if (mac.equalsIgnoreCase(port.path("switchMac").asText()) && port.path("port").asInt() == n) {
                return port;
            }
        }
        throw new PoeException.UnknownPort(http.name(), label, "mapped to port " + n + " but the controller lists "
                + "no such PoE port on switch " + mac + " in site " + site);
    }

    private void setMode(String label, int mode) {
        port(label);
        int n = portNumber(label);
        String base = "/switches/" + mac + "/multi-ports";
        ObjectNode override = DeviceHttp.JSON.createObjectNode().put("profileOverrideEnable", true);
        override.putArray("portList").add(n);
        call(label, "PUT", base + "/profile-override", Optional.of(override.toString()));
        ObjectNode poe = DeviceHttp.JSON.createObjectNode().put("poeMode", mode);
        poe.putArray("portList").add(n);
        call(label, "PUT", base + "/poe-mode", Optional.of(poe.toString()));
    }

    private String sitePath() {
        return "/openapi/v1/" + omadacId + "/sites/" + siteId;
    }

    /** One Open API call under the site: authorises first, renews an expired token once, checks errorCode. */
    private JsonNode call(String label, String method, String underSite, Optional<String> body) {
        if (siteId == null) {
            authorise(label);
        }
        String full = sitePath() + underSite;
        OmadaAnswer answer = OmadaAnswer.of(http.sendRaw(label, method, full, full, body));
        if (answer.tokenExpired()) {
            authorise(label);
            answer = OmadaAnswer.of(http.sendRaw(label, method, full, full, body));
        }
        return answer.result(http, config, label, method, full);
    }

    private void authorise(String label) {
        http.logout();
        JsonNode info = OmadaAnswer.of(http.sendRaw(label, "GET", "/api/info", "/api/info", Optional.empty()))
                .result(http, config, label, "GET", "/api/info");
        omadacId = info.path("omadacId").asText("");
        ObjectNode credentials = DeviceHttp.JSON.createObjectNode().put("omadacId", omadacId)
                .put("client_id", config.user()).put("client_secret", config.passwordText());
        String tokenPath = "/openapi/authorize/token?grant_type=client_credentials";
        JsonNode token = OmadaAnswer.of(http.sendRaw(label, "POST", tokenPath, tokenPath,
                Optional.of(credentials.toString()))).result(http, config, label, "POST", tokenPath);
        http.authorization(Optional.of("AccessToken=" + token.path("accessToken").asText()));
        String sites = "/openapi/v1/" + omadacId + "/sites?page=1&pageSize=100";
        JsonNode list = OmadaAnswer.of(http.sendRaw(label, "GET", sites, sites, Optional.empty()))
                .result(http, config, label, "GET", sites).path("data");
        for (JsonNode s : list) {
            if (site.equals(s.path("name").asText()) || site.equals(s.path("siteId").asText())) {
                siteId = s.path("siteId").asText();
                return;
            }
        }
        throw new PoeException.UnexpectedAnswer(http.name(), label, "the controller at " + config.baseUri()
                + " has no site '" + site + "' (it has " + list.findValuesAsText("name") + ")");
    }

    private int portNumber(String label) {
        int n = config.portMap().require(label).port();
        if (n < 1) {
            throw new PoeException.UnknownPort(http.name(), label, "mapped without a port number; use "
                    + "PortAddress.of(0, n)");
        }
        return n;
    }

    static Detection detection(JsonNode port) {
        return port.path("poe").asInt(0) != 1 ? Detection.DISABLED
                : port.path("poeStatus").asDouble(0) >= 1 ? Detection.DELIVERING_POWER : Detection.SEARCHING;
    }
}
