package io.piha.poe.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * An Omada controller's Open API as its access guide describes it: {@code /api/info} with the omadacId,
 * client-credentials tokens, {@code Authorization: AccessToken=...}, sites, {@code switches/ports/poe-info}
 * and {@code multi-ports/profile-override} then {@code multi-ports/poe-mode}. Errors are HTTP 200 with an
 * {@code errorCode} (-44106 bad client, -44112 expired token, -1 for a port not overridden).
 */
final class FakeOmada extends FakeDevice {

    static final String OMADAC_ID = "de382a0e78f4deb681f3128c3e75dbd1";
    static final String SITE_ID = "640effd1b3f2ae5b912275ec";
    static final String MAC = "AA-BB-CC-DD-EE-02";
    static final String CLIENT_ID = "185586e0df424f5ea938de13cba91e01";
    private final String secret;
    private final Set<String> overridden = new HashSet<>();
    private volatile String token = "";

    FakeOmada(String secret, Set<String> ports) {
        super(ports);
        this.secret = secret;
    }

    void expireToken() {
        token = "AT-" + UUID.randomUUID();
    }

    @Override
    synchronized void reset() {
        super.reset();
        if (overridden != null) {
            overridden.clear();
        }
    }

    @Override
    MockResponse answer(RecordedRequest request) {
        String path = request.getPath();
        if (path.equals("/api/info")) {
            return ok("{\"controllerVer\":\"5.15.8.2\",\"apiVer\":\"3\",\"configured\":true,\"type\":1,"
                    + "\"omadacId\":\"" + OMADAC_ID + "\"}");
        }
        if (path.equals("/openapi/authorize/token?grant_type=client_credentials")) {
            JsonNode body = body(request);
            if (!CLIENT_ID.equals(body.path("client_id").asText()) || !secret.equals(body.path("client_secret").asText())
                    || !OMADAC_ID.equals(body.path("omadacId").asText())) {
                return error(-44106, "The client id or client secret is invalid.");
            }
            token = "AT-" + UUID.randomUUID();
            return ok("{\"accessToken\":\"" + token + "\",\"tokenType\":\"bearer\",\"expiresIn\":7200,"
                    + "\"refreshToken\":\"RT-" + UUID.randomUUID() + "\"}");
        }
        if (!("AccessToken=" + token).equals(request.getHeader("Authorization"))) {
            return error(-44112, "The access token has expired. Please re-initiate the refreshToken process to "
                    + "obtain the access token.");
        }
        String site = "/openapi/v1/" + OMADAC_ID + "/sites/" + SITE_ID;
        if (path.equals("/openapi/v1/" + OMADAC_ID + "/sites?page=1&pageSize=100")) {
            return ok("{\"totalRows\":1,\"currentPage\":1,\"currentSize\":1,\"data\":[{\"siteId\":\"" + SITE_ID
                    + "\",\"name\":\"Default\",\"region\":\"Germany\",\"timeZone\":\"UTC\",\"scenario\":\"Home\",\"type\":0}]}");
        }
        if (path.equals(site + "/switches/ports/poe-info?page=1&pageSize=1000")) {
            return ok("{\"totalRows\":8,\"currentPage\":1,\"currentSize\":1000,\"data\":[" + ports() + "]}");
        }
        String multi = site + "/switches/" + MAC + "/multi-ports/";
        if (path.startsWith(multi) && request.getMethod().equals("PUT")) {
            JsonNode body = body(request);
            String port = body.path("portList").path(0).asText();
            if (path.endsWith("profile-override")) {
                synchronized (this) {
                    overridden.add(port);
                }
                return ok("null");
            }
            synchronized (this) {
                if (!knows(port) || !overridden.contains(port)) {
                    return error(-1, "General error.");
                }
            }
            power(port, body.path("poeMode").asInt() == 1);
            return ok("null");
        }
        return error(-1600, "Unsupported request path.");
    }

    private synchronized String ports() {
        StringBuilder out = new StringBuilder();
        for (int n = 1; n <= 8; n++) {
            String port = Integer.toString(n);
            if (knows(port)) {
                boolean on = isPowered(port);
                out.append(out.length() == 0 ? "" : ",").append("{\"port\":").append(n).append(",\"switchMac\":\"")
                        .append(MAC).append("\",\"switchName\":\"Core Switch\",\"portName\":\"Port ").append(n)
                        .append("\",\"supportPoe\":true,\"poe\":").append(on ? 1 : 0).append(",\"power\":")
                        .append(on ? 12.5 : 0.0).append(",\"voltage\":").append(on ? 53.2 : 0.0)
                        .append(",\"current\":").append(on ? 235.0 : 0.0).append(",\"poeStatus\":")
                        .append(on ? 1.0 : 0.0).append(",\"pdClass\":\"").append(on ? "Class 4" : "")
                        .append("\",\"poeDisplayType\":4,\"connectedStatus\":").append(on ? 0 : 1)
                        .append(",\"switchSupportPoe\":1}");
            }
        }
        return out.toString();
    }

    private static MockResponse ok(String result) {
        return json(200, "{\"errorCode\":0,\"msg\":\"Success.\",\"result\":" + result + "}");
    }

    private static MockResponse error(int code, String msg) {
        return json(200, "{\"errorCode\":" + code + ",\"msg\":\"" + msg + "\"}");
    }
}
