package io.piha.inventory.homeseer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.piha.inventory.RowRejection;
import io.piha.inventory.internal.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads devices and locations from the HomeSeer HS4 (and HS3) JSON API: {@code /JSON?request=getstatus&everything=true}
 * and {@code /JSON?request=getlocations}, with optional {@code user}/{@code pass}. Thread-safe.
 *
 * @since 0.1
 */
public final class HomeSeerClient {

    private final OkHttpClient http;
    private final HttpUrl base;
    private final Optional<HomeSeerCredentials> credentials;

    /**
     * @param http the HTTP client (timeouts are its own)
     * @param base HomeSeer's address, e.g. {@code http://192.168.68.56}
     * @param credentials user and password, if HomeSeer asks for them
     */
    public HomeSeerClient(OkHttpClient http, HttpUrl base, Optional<HomeSeerCredentials> credentials) {
        this.http = Objects.requireNonNull(http, "http");
        this.base = Objects.requireNonNull(base, "base");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** Where HomeSeer is, for messages. */
    public HttpUrl base() {
        return base;
    }

    /**
     * Every device with its status and control information; devices HomeSeer describes badly (e.g. an
     * unreadable {@code last_change}) are returned as rejections naming the ref and value.
     *
     * @throws HomeSeerException naming the host if HomeSeer is unreachable, answers {@code error} or bad JSON
     */
    public HsStatus devices() {
        JsonNode root = get("getstatus", true);
        JsonNode devices = root.path("Devices");
        if (!devices.isArray()) {
            throw new HomeSeerException("HomeSeer at " + base + " answered getstatus without a \"Devices\" array");
        }
        List<HsDevice> out = new ArrayList<>(devices.size());
        List<RowRejection> rejected = new ArrayList<>();
        for (JsonNode d : devices) {
            try {
                out.add(device(d));
            } catch (IllegalArgumentException e) {
                rejected.add(new RowRejection("ref " + text(d, "ref"), text(d, "name"), e.getMessage()));
            }
        }
        return new HsStatus(out, rejected);
    }

    /**
     * The configured locations: {@code location1} (rooms) and {@code location2} (floors).
     *
     * @throws HomeSeerException naming the host if HomeSeer is unreachable, answers {@code error} or bad JSON
     */
    public HsLocations locations() {
        JsonNode root = get("getlocations", false);
        return new HsLocations(texts(root.path("location1")), texts(root.path("location2")));
    }

    private JsonNode get(String request, boolean everything) {
        HttpUrl.Builder url = base.newBuilder().addPathSegment("JSON").addQueryParameter("request", request);
        if (everything) {
            url.addQueryParameter("everything", "true");
        }
        credentials.ifPresent(c -> url.addQueryParameter("user", c.user()).addQueryParameter("pass", c.password()));
        String what = "HomeSeer at " + base + " (request=" + request + ")";
        try (Response response = http.newCall(new Request.Builder().url(url.build()).get().build()).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (!response.isSuccessful()) {
                throw new HomeSeerException(what + " answered HTTP " + response.code());
            }
            if (text.strip().equalsIgnoreCase("error")) {
                throw new HomeSeerException(what + " answered 'error': is the JSON API enabled"
                        + " (Setup > Network > Enable control using JSON) and are user/pass right?");
            }
            try {
                return Json.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                throw new HomeSeerException(what + " answered malformed JSON at line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
            }
        } catch (IOException e) {
            throw new HomeSeerException(what + " is unreachable: " + e.getMessage());
        }
    }

    private static HsDevice device(JsonNode d) {
        List<Integer> associated = new ArrayList<>();
        d.path("associated_devices").forEach(n -> associated.add(n.asInt()));
        return new HsDevice(d.path("ref").asInt(), text(d, "name"), text(d, "location"), text(d, "location2"),
                text(d, "device_type_string"), text(d, "value"), text(d, "status"),
                HsDate.parse(text(d, "last_change")), HsDevice.Relationship.of(d.path("relationship").asInt()),
                associated, text(d, "interface_name"));
    }

    private static String text(JsonNode d, String field) {
        JsonNode v = d.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
