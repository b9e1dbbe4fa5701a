package io.piha.poe.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.piha.api.recovery.PlannedRequest;
import io.piha.api.recovery.PoeException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The HTTP side of the REST drivers: one JDK client, JSON both ways, and the failure kinds every driver
 * shares (unreachable, timeout, 401/403, malformed JSON), each naming switch and port, never a secret.
 */
final class DeviceHttp implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** How a device wants its credentials. */
    enum Auth { BASIC, DIGEST, NONE }

    /** A device's answer: status, headers and parsed body ({@link MissingNode} for an empty one). */
    record Answer(int status, java.net.http.HttpHeaders headers, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpDeviceConfig config;
    private final Auth auth;
    private final HttpClient client;
    private final DigestAuth digest;
    private final java.net.CookieManager cookies = new java.net.CookieManager();
    private volatile Optional<String> csrfToken = Optional.empty();
    private volatile Optional<String> authorization = Optional.empty();

    DeviceHttp(HttpDeviceConfig config, Auth auth) {
        this.config = config;
        this.auth = auth;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.timeout()).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                // devices speak HTTP/1.1; an h2c upgrade offer costs a round of waiting, and some choke on it
                .version(HttpClient.Version.HTTP_1_1);
        config.trust().ifPresent(builder::sslContext);
        this.client = builder.build();
        this.digest = new DigestAuth(config.user(), config::passwordText);
    }

    /** The request as a dry run shows it; {@code shownPath} must already be free of secrets. */
    PlannedRequest plan(String method, String shownPath, String body) {
        return new PlannedRequest("http", method, config.baseUri() + shownPath, body);
    }

    /**
     * Sends a request and reads the answer; 401 and 403 become {@link PoeException.AccessDenied}.
     *
     * @param shownPath the path as errors show it (without query secrets)
     */
    Answer send(String label, String method, String path, String shownPath, Optional<String> body) {
        Answer answer = sendRaw(label, method, path, shownPath, body);
        if (answer.status() == 401 || answer.status() == 403) {
            throw denied(label, method, shownPath, answer);
        }
        return answer;
    }

    PoeException.AccessDenied denied(String label, String method, String shownPath, Answer answer) {
        return new PoeException.AccessDenied(name(), label, "user '" + config.user() + "' refused by "
                + method + " " + config.baseUri() + shownPath + ": HTTP " + answer.status());
    }

    /** The CSRF token sent with every request from now on (UniFi). */
    void csrfToken(Optional<String> token) {
        this.csrfToken = token;
    }

    /** The Authorization header sent with every request from now on (a bearer or access token). */
    void authorization(Optional<String> value) {
        this.authorization = value;
    }

    /** A cookie the device set, by name. */
    Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst();
    }

    /** Forgets the session cookies and CSRF token. */
    void logout() {
        cookies.getCookieStore().removeAll();
        csrfToken = Optional.empty();
        authorization = Optional.empty();
    }

    /** Sends a request and reads the answer, whatever its status. */
    Answer sendRaw(String label, String method, String path, String shownPath, Optional<String> body) {
        HttpResponse<String> response = exchange(label, method, path, shownPath, body, Optional.empty());
        if (response.statusCode() == 401 && auth == Auth.DIGEST) {
            Optional<String> challenge = response.headers().firstValue("WWW-Authenticate");
            if (challenge.isPresent()) {
                response = exchange(label, method, path, shownPath, body,
                        Optional.of(digest.answer(challenge.get(), method, path)));
            }
        }
        return new Answer(response.statusCode(), response.headers(), parse(label, shownPath, response.body()));
    }

    /** The body as JSON, or a typed failure naming what came back. */
    JsonNode parse(String label, String shownPath, String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new PoeException.UnexpectedAnswer(name(), label, "malformed JSON from " + config.baseUri()
                    + shownPath + ": " + abbreviate(body), e);
        }
    }

    PoeException.UnexpectedAnswer unexpected(String label, String shownPath, Answer answer) {
        return new PoeException.UnexpectedAnswer(name(), label, config.baseUri() + shownPath + " answered HTTP "
                + answer.status() + " " + abbreviate(answer.body().toString()));
    }

    String name() {
        return config.portMap().switchName();
    }

    @Override
    public void close() {
        // the JDK client of Java 17 has no close(); its threads end with the last reference
    }

    private HttpResponse<String> exchange(String label, String method, String path, String shownPath,
                                          Optional<String> body, Optional<String> authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.baseUri() + path))
                .timeout(config.timeout())
                .method(method, body.map(b -> HttpRequest.BodyPublishers.ofString(b, StandardCharsets.UTF_8))
                        .orElse(HttpRequest.BodyPublishers.noBody()))
                .header("Accept", "application/json");
        body.ifPresent(b -> request.header("Content-Type", "application/json"));
        if (auth == Auth.BASIC) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (config.user() + ":" + config.passwordText()).getBytes(StandardCharsets.UTF_8)));
        }
        authorization.or(() -> this.authorization).ifPresent(a -> request.header("Authorization", a));
        csrfToken.ifPresent(t -> request.header("X-CSRF-Token", t));
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PoeException.SwitchUnreachable(name(), label, method + " " + config.baseUri() + shownPath
                    + " failed within " + config.timeout() + ": " + e.getClass().getSimpleName()
                    + (e instanceof javax.net.ssl.SSLException ? " (is the device's certificate trusted? see "
                    + "HttpDeviceConfig.withTrust)" : ""), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PoeException.SwitchUnreachable(name(), label, "interrupted while waiting for "
                    + config.baseUri() + shownPath, e);
        }
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }
}
