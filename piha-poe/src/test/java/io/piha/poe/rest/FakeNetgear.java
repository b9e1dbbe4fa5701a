package io.piha.poe.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A Netgear M4250 as its REST API answers, from the API's published shapes: {@code POST /api/v1/login}
 * ({@code {"login":{"token","expires"},"resp":{...}}}), bearer tokens, {@code swcfg_poe?portid=ALL} listing
 * {@code poePortConfig} (status codes 0-7, currentPower in mW), and {@code POST swcfg_poe?portid=N} with
 * {@code enable} or {@code reset}. A failure is HTTP 200 with {@code resp.status} "failure".
 */
final class FakeNetgear extends FakeDevice {

    private final String password;
    private volatile String token = "";

    FakeNetgear(String password, Set<String> ports) {
        super(ports);
        this.password = password;
    }

    void expireToken() {
        token = UUID.randomUUID().toString();
    }

    @Override
    MockResponse answer(RecordedRequest request) {
        String path = request.getPath();
        if (path.equals("/api/v1/login")) {
            JsonNode login = body(request).path("login");
            if (!"admin".equals(login.path("username").asText()) || !password.equals(login.path("password").asText())) {
                return resp(200, "failure", 1, "Invalid username or password", "");
            }
            token = UUID.randomUUID().toString();
            return resp(200, "success", 0, "Operation success",
                    "\"login\":{\"token\":\"" + token + "\",\"expires\":86400},");
        }
        if (token.isEmpty() || !("Bearer " + token).equals(request.getHeader("Authorization"))) {
            return resp(401, "failure", 401, "Unauthorized access", "");
        }
        if (path.equals("/api/v1/swcfg_poe?portid=ALL") && request.getMethod().equals("GET")) {
            return resp(200, "success", 0, "Operation success", "\"poePortConfig\":[" + ports() + "],");
        }
        if (path.startsWith("/api/v1/swcfg_poe?portid=") && request.getMethod().equals("POST")) {
            String port = path.substring(path.indexOf('=') + 1);
            if (!knows(port)) {
                return resp(200, "failure", 2, "Invalid port id", "");
            }
            JsonNode config = body(request).path("poePortConfig");
            if (config.path("reset").asBoolean(false)) {
                power(port, false);
                later(Duration.ofMillis(400), () -> power(port, true));
            } else if (config.has("enable")) {
                power(port, config.get("enable").asBoolean());
            }
            return resp(200, "success", 0, "Operation success", "");
        }
        return resp(404, "failure", 404, "Not found", "");
    }

    private synchronized String ports() {
        StringBuilder out = new StringBuilder();
        for (int id = 1; id <= 8; id++) {
            String port = Integer.toString(id);
            if (knows(port)) {
                boolean on = isPowered(port);
                out.append(out.length() == 0 ? "" : ",").append("{\"portid\":").append(id).append(",\"enable\":")
                        .append(on).append(",\"powerLimitMode\":3,\"classification\":1,\"powerLimit\":30000,")
                        .append("\"status\":").append(on ? 2 : 0).append(",\"currentPower\":").append(on ? 4800 : 0)
                        .append('}');
            }
        }
        return out.toString();
    }

    private static MockResponse resp(int http, String status, int code, String msg, String data) {
        return json(http, "{" + data + "\"resp\":{\"status\":\"" + status + "\",\"respCode\":" + code
                + ",\"respMsg\":\"" + msg + "\"}}");
    }
}
