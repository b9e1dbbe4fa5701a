package io.piha.poe.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/** A Shelly Plus Plug S (Gen2 RPC over HTTP) with Digest SHA-256 authentication enabled. */
final class FakeShelly extends FakeDevice {

    private static final String REALM = "shellyplusplugs-e465b8b7a1c4";
    private static final String NONCE = "1732248000";
    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");
    private final String password;

    FakeShelly(String password, Set<String> components) {
        super(components);
        this.password = password;
    }

    @Override
    MockResponse answer(RecordedRequest request) {
        if (!authorised(request)) {
            return new MockResponse().setResponseCode(401).setHeader("WWW-Authenticate", "Digest qop=\"auth\", realm=\""
                    + REALM + "\", nonce=\"" + NONCE + "\", algorithm=SHA-256");
        }
        String path = request.getPath();
        if (path.startsWith("/rpc/Switch.GetStatus")) {
            int id = Integer.parseInt(request.getRequestUrl().queryParameter("id"));
            if (!knows("switch:" + id)) {
                return notFound(id);
            }
            boolean on = isPowered("switch:" + id);
            return json(200, "{\"id\":" + id + ",\"source\":\"HTTP_in\",\"output\":" + on + ",\"apower\":"
                    + (on ? "4.7" : "0.0") + ",\"voltage\":231.4,\"freq\":50.0,\"current\":" + (on ? "0.041" : "0.000")
                    + ",\"aenergy\":{\"total\":1203.512,\"by_minute\":[78.1,79.0,78.5],\"minute_ts\":1732248000},"
                    + "\"temperature\":{\"tC\":31.2,\"tF\":88.2}}");
        }
        if (path.equals("/rpc/Switch.Set")) {
            JsonNode body = body(request);
            int id = body.path("id").asInt();
            String component = "switch:" + id;
            if (!knows(component)) {
                return notFound(id);
            }
            boolean was = isPowered(component);
            boolean on = body.path("on").asBoolean();
            power(component, on);
            if (body.has("toggle_after")) {
                later(Duration.ofMillis((long) (body.get("toggle_after").asDouble() * 1000)), () -> power(component, !on));
            }
            return json(200, "{\"was_on\":" + was + "}");
        }
        return json(404, "{\"code\":404,\"message\":\"No handler for " + path + "\"}");
    }

    private static MockResponse notFound(int id) {
        return json(500, "{\"code\":-105,\"message\":\"Argument 'id', value " + id + " not found!\"}");
    }

    private boolean authorised(RecordedRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Digest ")) {
            return false;
        }
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(header.substring(7));
        while (m.find()) {
            p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        String ha1 = DigestAuth.hash("SHA-256", "admin:" + REALM + ":" + password);
        String ha2 = DigestAuth.hash("SHA-256", request.getMethod() + ":" + p.get("uri"));
        String expected = DigestAuth.hash("SHA-256", ha1 + ":" + NONCE + ":" + p.get("nc") + ":" + p.get("cnonce")
                + ":auth:" + ha2);
        return "admin".equals(p.get("username")) && expected.equals(p.get("response"))
                && request.getPath().equals(p.get("uri"));
    }
}
