package io.piha.inventory.homeseer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.piha.inventory.RowRejection;
import io.piha.inventory.internal.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads devices and locations from the HomeSeer HS4 (and HS3) JSON API: {@code /JSON?request=getstatus&everything=true}
 * and {@code /JSON?request=getlocations}, with {@code user}/{@code pass} if given. HomeSeer reports a refusal in
 * three ways, each a {@link HomeSeerException} naming the host and the request: HTTP 401
 * ({@link HomeSeerException.AuthenticationFailed}), and, with HTTP 200, the plain text {@code error} or a JSON
 * object {@code {"Response":"Error, ..."}} ({@link HomeSeerException.Refused}, quoting HomeSeer's words).
 * Thread-safe.
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
     * unreadable {@code last_change} or a value that is not a number) are returned as rejections naming the ref,
     * the reason and the device's JSON.
     *
     * @throws HomeSeerException naming the host if HomeSeer is unreachable, refuses, or answers bad JSON
     */
    public HsStatus devices() {
        JsonNode root = get("getstatus", true);
        JsonNode devices = root.path("Devices");
        if (!devices.isArray()) {
            throw new HomeSeerException("HomeSeer at " + base + " answered getstatus without a \"Devices\" array");
        }
        List<HsDevice> out = new ArrayList<>(devices.size());
        List<RowRejection> rejected = new ArrayList<>();
        Map<Integer, String> json = new HashMap<>();
        for (JsonNode d : devices) {
            try {
                HsDevice device = HsJson.device(d);
                out.add(device);
                json.put(device.ref(), d.toString());
            } catch (IllegalArgumentException e) {
                rejected.add(new RowRejection("ref " + HsJson.text(d, "ref"), HsJson.text(d, "name"), e.getMessage(),
                        d.toString()));
            }
        }
        return new HsStatus(out, rejected, json);
    }

    /**
     * The configured locations: {@code location1} (rooms) and {@code location2} (floors).
     *
     * @throws HomeSeerException naming the host if HomeSeer is unreachable, refuses, or answers bad JSON
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
        credentials.ifPresent(c -> url.addQueryParameter("user", c.user()).addQueryParameter("pass", c.password().reveal()));
        String what = "HomeSeer at " + base + " (request=" + request + ")";
        try (Response response = http.newCall(new Request.Builder().url(url.build()).get().build()).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (response.code() == 401) {
                throw new HomeSeerException.AuthenticationFailed(what + " refused authentication (HTTP 401): "
                        + credentials.map(c -> "check the password of user '" + c.user() + "'")
                        .orElse("it wants a user and password"));
            }
            if (!response.isSuccessful()) {
                throw new HomeSeerException(what + " answered HTTP " + response.code());
            }
            return parse(what, text);
        } catch (IOException e) {
            throw new HomeSeerException(what + " is unreachable: " + e.getMessage());
        }
    }

    private JsonNode parse(String what, String text) {
        if (text.strip().equalsIgnoreCase("error")) {
            throw new HomeSeerException.Refused(what + " answered 'error': is the JSON API enabled"
                    + " (Setup > Network > Enable control using JSON) and are user/pass right?");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new HomeSeerException(what + " answered malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        Optional<String> refusal = refusal(root);
        if (refusal.isPresent()) {
            throw new HomeSeerException.Refused(what + " answered \"" + refusal.get() + "\"");
        }
        return root;
    }

    /** HomeSeer's words in {@code {"Response": "Error, ..."}}, whatever the case of the key. */
    private static Optional<String> refusal(JsonNode root) {
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String words = field.getValue().asText("").strip();
            if (field.getKey().equalsIgnoreCase("response") && words.toLowerCase(Locale.ROOT).startsWith("error")) {
                return Optional.of(words);
            }
        }
        return Optional.empty();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
