package io.piha.poe.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A UniFi Network controller managing one US-8-60W, classic or UniFi OS: cookie session, CSRF token on
 * writes, {@code stat/device}, {@code rest/device} port overrides and {@code cmd/devmgr power-cycle}.
 */
final class FakeUnifi extends FakeDevice {

    static final String MAC = "74:ac:b9:14:2c:8e";
    static final String DEVICE_ID = "5f3a9c1e8b2d4a0012ab34cd";
    private final boolean unifiOs;
    private final String password;
    private final Map<Integer, String> overrideNames = new TreeMap<>();
    private volatile String session = "";
    private volatile String csrf = "";

    FakeUnifi(boolean unifiOs, String password, Set<String> ports) {
        super(ports);
        this.unifiOs = unifiOs;
        this.password = password;
        overrideNames.put(1, "nas");
    }

    void expireSessions() {
        session = UUID.randomUUID().toString();
    }

    @Override
    MockResponse answer(RecordedRequest request) {
        String prefix = unifiOs ? "/proxy/network" : "";
        String path = request.getPath();
        if (path.equals(unifiOs ? "/api/auth/login" : "/api/login")) {
            return login(body(request));
        }
        String cookie = String.valueOf(request.getHeader("Cookie"));
        if (session.isEmpty() || !cookie.contains((unifiOs ? "TOKEN=" : "unifises=") + session)) {
            return unifiOs ? json(401, "{\"message\":\"Unauthorized\"}")
                    : json(401, "{\"meta\":{\"rc\":\"error\",\"msg\":\"api.err.LoginRequired\"},\"data\":[]}");
        }
        if (!request.getMethod().equals("GET") && !csrf.equals(request.getHeader("X-CSRF-Token"))) {
            return json(403, "{\"meta\":{\"rc\":\"error\",\"msg\":\"api.err.InvalidCSRFToken\"},\"data\":[]}");
        }
        if (path.equals(prefix + "/api/s/default/stat/device/" + MAC)) {
            return ok(device());
        }
        if (path.equals(prefix + "/api/s/default/cmd/devmgr")) {
            JsonNode body = body(request);
            String port = body.path("port_idx").asText();
            if (!body.path("cmd").asText().equals("power-cycle") || !MAC.equals(body.path("mac").asText())) {
                return json(400, "{\"meta\":{\"rc\":\"error\",\"msg\":\"api.err.InvalidArgs\"},\"data\":[]}");
            }
            if (!knows(port)) {
                return json(400, "{\"meta\":{\"rc\":\"error\",\"msg\":\"api.err.InvalidPortIdx\"},\"data\":[]}");
            }
            power(port, false);
            later(Duration.ofMillis(500), () -> power(port, true));
            return ok("");
        }
        if (path.equals(prefix + "/api/s/default/rest/device/" + DEVICE_ID) && request.getMethod().equals("PUT")) {
            for (JsonNode o : body(request).path("port_overrides")) {
                String port = o.path("port_idx").asText();
                if (o.has("poe_mode") && knows(port)) {
                    power(port, !o.get("poe_mode").asText().equals("off"));
                }
                overrideNames.putIfAbsent(o.path("port_idx").asInt(), o.path("name").asText("Port " + port));
            }
            return ok(device());
        }
        return json(404, "{\"meta\":{\"rc\":\"error\",\"msg\":\"api.err.NotFound\"},\"data\":[]}");
    }

    private MockResponse login(JsonNode body) {
        if (!"admin".equals(body.path("username").asText()) || !password.equals(body.path("password").asText())) {
            return unifiOs ? json(401, "{\"message\":\"Invalid username or password\",\"code\":\"AUTHENTICATION_FAILED_INVALID_CREDENTIALS\"}")
                    : json(400, "{\"meta\":{\"rc\":\"error\",\"msg\":\"api.err.Invalid\"},\"data\":[]}");
        }
        session = UUID.randomUUID().toString();
        csrf = UUID.randomUUID().toString();
        if (unifiOs) {
            return json(200, "{\"unique_id\":\"7f1c\",\"username\":\"admin\",\"isOwner\":true}")
                    .addHeader("Set-Cookie", "TOKEN=" + session + "; path=/; samesite=strict; httponly")
                    .addHeader("X-CSRF-Token", csrf);
        }
        return ok("").addHeader("Set-Cookie", "unifises=" + session + "; Path=/; HttpOnly")
                .addHeader("Set-Cookie", "csrf_token=" + csrf + "; Path=/");
    }

    private synchronized String device() {
        StringBuilder ports = new StringBuilder();
        for (int idx = 1; idx <= 8; idx++) {
            String port = Integer.toString(idx);
            if (!knows(port)) {
                continue;
            }
            boolean on = isPowered(port);
            ports.append(ports.length() == 0 ? "" : ",").append("{\"port_idx\":").append(idx)
                    .append(",\"name\":\"Port ").append(idx).append("\",\"poe_caps\":7,\"poe_enable\":").append(on)
                    .append(",\"poe_mode\":\"").append(on ? "auto" : "off").append("\",\"poe_good\":").append(on)
                    .append(",\"poe_power\":\"").append(on ? "3.12" : "0.00")
                    .append("\",\"poe_voltage\":\"53.48\",\"up\":true,\"speed\":1000}");
        }
        StringBuilder overrides = new StringBuilder();
        overrideNames.forEach((idx, name) -> overrides.append(overrides.length() == 0 ? "" : ",")
                .append("{\"port_idx\":").append(idx).append(",\"name\":\"").append(name).append("\"}"));
        return "{\"_id\":\"" + DEVICE_ID + "\",\"mac\":\"" + MAC + "\",\"model\":\"US8P60\",\"type\":\"usw\","
                + "\"name\":\"rack-switch\",\"port_overrides\":[" + overrides + "],\"port_table\":[" + ports + "]}";
    }

    private static MockResponse ok(String data) {
        return json(200, "{\"meta\":{\"rc\":\"ok\"},\"data\":[" + data + "]}");
    }
}
