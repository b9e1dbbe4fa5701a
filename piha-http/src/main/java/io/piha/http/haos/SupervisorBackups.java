package io.piha.http.haos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.piha.api.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The backups of one Home Assistant OS host through the Supervisor API: create a full backup, list them, read one's
 * details, download one. Every call sends the token as {@code Authorization: Bearer}; answers are the Supervisor's
 * envelope {@code {"result": "ok", "data": {...}}}. From outside the host the API is reached through Home Assistant
 * Core's proxy, {@code http://<host>:8123/api/hassio/}, with a long-lived access token of an administrator.
 *
 * <p>Failures are typed ({@link SupervisorException}) and name the host. Thread-safe.
 *
 * @since 0.1
 */
public final class SupervisorBackups {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String host;
    private final URI base;
    private final Secret token;
    private final Duration timeout;
    private final Duration createTimeout;
    private final HttpClient http;

    /**
     * @param host the host's name, for messages (e.g. {@code haos-primary})
     * @param base the Supervisor API, e.g. {@code http://haos-primary:8123/api/hassio/}
     * @param token the long-lived access token (never logged)
     * @param timeout per request, and for the download's first byte
     * @param createTimeout how long a backup may take to create (the Supervisor answers when it is done)
     */
    public SupervisorBackups(String host, URI base, Secret token, Duration timeout, Duration createTimeout) {
        this.host = Objects.requireNonNull(host, "host");
        String b = Objects.requireNonNull(base, "base").toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.token = Objects.requireNonNull(token, "token");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.createTimeout = Objects.requireNonNull(createTimeout, "createTimeout");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The host's name. */
    public String host() {
        return host;
    }

    /** Creates a full backup ({@code POST /backups/new/full}) and returns its slug once the Supervisor has it. */
    public String createFull(String name) {
        String body = JSON.createObjectNode().put("name", name).toString();
        JsonNode data = call("POST", "backups/new/full", HttpRequest.BodyPublishers.ofString(body), createTimeout);
        return text(data, "slug", "backups/new/full");
    }

    /** Every backup the Supervisor keeps ({@code GET /backups}), newest first. */
    public List<SupervisorBackup> list() {
        JsonNode backups = call("GET", "backups", HttpRequest.BodyPublishers.noBody(), timeout).path("backups");
        if (!backups.isArray()) {
            throw bad("backups", "no 'backups' list in the data");
        }
        List<SupervisorBackup> all = new ArrayList<>();
        backups.forEach(b -> all.add(backup(b, "backups")));
        all.sort((x, y) -> y.date().compareTo(x.date()));
        return List.copyOf(all);
    }

    /** One backup's details ({@code GET /backups/<slug>/info}), with its size. */
    public SupervisorBackup info(String slug) {
        String path = "backups/" + plain(slug) + "/info";
        return backup(call("GET", path, HttpRequest.BodyPublishers.noBody(), timeout), path);
    }

    /**
     * Streams the backup's archive ({@code GET /backups/<slug>/download}) to {@code out}.
     *
     * @return the number of bytes written
     */
    public long download(String slug, OutputStream out) {
        String path = "backups/" + plain(slug) + "/download";
        HttpResponse<InputStream> res = send(request("GET", path, HttpRequest.BodyPublishers.noBody(), timeout),
                HttpResponse.BodyHandlers.ofInputStream(), path);
        try (InputStream in = res.body()) {
            if (res.statusCode() / 100 != 2) {
                status(res.statusCode(), path, new String(in.readNBytes(300), java.nio.charset.StandardCharsets.UTF_8));
            }
            return in.transferTo(out);
        } catch (IOException e) {
            throw new SupervisorException.Unreachable(host + ": the download of " + base.resolve(path)
                    + " broke off: " + e.getMessage() + "; pull again", e);
        }
    }

    private JsonNode call(String method, String path, HttpRequest.BodyPublisher body, Duration wait) {
        HttpResponse<String> res = send(request(method, path, body, wait), HttpResponse.BodyHandlers.ofString(), path);
        if (res.statusCode() / 100 != 2) {
            status(res.statusCode(), path, res.body());
        }
        JsonNode root;
        try {
            root = JSON.readTree(res.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw bad(path, "the answer is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !"ok".equals(root.path("result").asText())) {
            throw bad(path, "result is not \"ok\": " + abbreviate(res.body()));
        }
        return root.path("data");
    }

    private HttpRequest request(String method, String path, HttpRequest.BodyPublisher body, Duration wait) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(wait)
                .header("Authorization", "Bearer " + token.reveal())
                .header("Content-Type", "application/json")
                .method(method, body).build();
    }

    private <T> HttpResponse<T> send(HttpRequest req, HttpResponse.BodyHandler<T> handler, String path) {
        try {
            return http.send(req, handler);
        } catch (IOException e) {
            throw new SupervisorException.Unreachable(host + ": the Supervisor API at " + base.resolve(path)
                    + " does not answer (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                    + e.getMessage()) + "); check that the host is up and the URL is Home Assistant's port 8123 "
                    + "with /api/hassio/", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SupervisorException.Unreachable(host + ": interrupted calling " + base.resolve(path), e);
        }
    }

    private void status(int status, String path, String body) {
        if (status == 401 || status == 403) {
            throw new SupervisorException.TokenRefused(host, status);
        }
        throw bad(path, "HTTP " + status + ": " + abbreviate(body));
    }

    private SupervisorBackup backup(JsonNode b, String path) {
        String slug = text(b, "slug", path);
        OptionalLong size = OptionalLong.empty();
        boolean exact = b.path("size_bytes").isNumber();
        if (exact) {
            size = OptionalLong.of(b.path("size_bytes").asLong());
        } else if (b.hasNonNull("size") && !b.path("size").asText().isBlank()) {
            size = OptionalLong.of(Math.round(b.path("size").asDouble() * 1024 * 1024));
        }
        try {
            return new SupervisorBackup(slug, b.path("name").asText(""), date(b, path), b.path("type").asText("full"),
                    b.path("protected").asBoolean(false), size, exact);
        } catch (IllegalArgumentException e) {
            throw bad(path, e.getMessage());
        }
    }

    private Instant date(JsonNode b, String path) {
        String text = text(b, "date", path);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw bad(path, "backup date '" + text + "' is not an ISO date");
        }
    }

    private String text(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw bad(path, "no '" + field + "' in the data");
        }
        return value.asText();
    }

    private SupervisorException.BadAnswer bad(String path, String what) {
        return new SupervisorException.BadAnswer(host + ": the Supervisor's answer to " + path + " is not as "
                + "documented: " + what, null);
    }

    private static String plain(String slug) {
        if (slug == null || !slug.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("backup slug '" + slug + "' is not a plain word of letters, digits,"
                    + " '_' and '-'");
        }
        return slug;
    }

    private static String abbreviate(String body) {
        String one = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }

    @Override
    public String toString() {
        return "SupervisorBackups[" + host + ", " + base + ", token=" + Secret.REDACTED + "]";
    }
}
