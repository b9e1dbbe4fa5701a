package io.piha.poe.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/** RouterOS v7 REST as a CRS328 answers it: /rest/interface/ethernet/poe set, power-cycle, monitor. */
public final class FakeRouterOs extends FakeDevice {

    private final String authorization;
    /** How long a power-cycle keeps the port off; the duration asked for when null. */
    private volatile Duration cycleOffTime;

    /** Makes power-cycles keep the port off this long, whatever duration was asked (benchmarks). */
    public void cycleOffTime(Duration offTime) {
        this.cycleOffTime = offTime;
    }

    /** A fake switch with these interfaces, each powering a device, on 127.0.0.1. */
    public FakeRouterOs(String user, String password, Set<String> interfaces) {
        super(interfaces);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    MockResponse answer(RecordedRequest request) {
        if (!authorization.equals(request.getHeader("Authorization"))) {
            return json(401, "{\"error\":401,\"message\":\"Unauthorized\"}");
        }
        if (!"POST".equals(request.getMethod())) {
            return json(400, "{\"error\":400,\"message\":\"Bad Request\"}");
        }
        JsonNode body = body(request);
        String iface = body.path("numbers").asText();
        if (!knows(iface)) {
            return json(400, "{\"detail\":\"no such item\",\"error\":400,\"message\":\"Bad Request\"}");
        }
        switch (request.getPath()) {
            case "/rest/interface/ethernet/poe/set" -> {
                power(iface, !"off".equals(body.path("poe-out").asText()));
                return json(200, "[]");
            }
            case "/rest/interface/ethernet/poe/power-cycle" -> {
                long seconds = Long.parseLong(body.path("duration").asText().replace("s", ""));
                power(iface, false);
                later(cycleOffTime != null ? cycleOffTime : Duration.ofSeconds(seconds), () -> power(iface, true));
                return json(200, "[]");
            }
            case "/rest/interface/ethernet/poe/monitor" -> {
                boolean on = isPowered(iface);
                return json(200, "[{\"name\":\"" + iface + "\",\"poe-out\":\"" + (on ? "auto-on" : "off")
                        + "\",\"poe-out-status\":\"" + (on ? "powered-on" : "disabled") + "\""
                        + (on ? ",\"poe-out-voltage\":\"53.4\",\"poe-out-current\":\"97\",\"poe-out-power\":\"5.1\"" : "")
                        + "}]");
            }
            default -> {
                return json(400, "{\"detail\":\"no such command\",\"error\":400,\"message\":\"Bad Request\"}");
            }
        }
    }
}
