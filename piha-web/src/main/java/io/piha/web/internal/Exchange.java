package io.piha.web.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One request and its answer: parameters, form fields, an uploaded file, the session; html, redirects, files. */
public final class Exchange {

    private final HttpExchange http;
    private final long maxBody;
    private final Map<String, String> query;
    private Map<String, String> form;
    private Map<String, Multipart.Part> files = Map.of();
    private Session session;
    private String user;
    private Map<String, String> pathParams = Map.of();
    private final long startedNanos = System.nanoTime();
    private final Map<String, Object> memo = new HashMap<>();

    Exchange(HttpExchange http, long maxBody) {
        this.http = http;
        this.maxBody = maxBody;
        this.query = decode(Optional.ofNullable(http.getRequestURI().getRawQuery()).orElse(""));
    }

    /** The request method. */
    public String method() {
        return http.getRequestMethod();
    }

    /** The request path. */
    public String path() {
        return http.getRequestURI().getPath();
    }

    /** A request header. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(http.getRequestHeaders().getFirst(name));
    }

    /** A value computed once per request (e.g. the site list every part of a page shows). */
    @SuppressWarnings("unchecked")
    <T> T memo(String key, java.util.function.Supplier<T> compute) {
        return (T) memo.computeIfAbsent(key, k -> compute.get());
    }

    /** Whether htmx sent this request (it wants a fragment, not a page). */
    public boolean isHtmx() {
        return header("HX-Request").isPresent();
    }

    /** A query parameter, blank counted as absent. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isBlank());
    }

    /** A path parameter of the route. */
    public String param(String name) {
        return pathParams.get(name);
    }

    void pathParams(Map<String, String> values) {
        pathParams = values;
    }

    /** The form fields of a POST (url-encoded or multipart); every field is kept exactly as typed. */
    public Map<String, String> form() {
        if (form == null) {
            String type = header("Content-Type").orElse("");
            byte[] body = body();
            if (type.startsWith("multipart/form-data")) {
                Multipart parts = Multipart.parse(body, type);
                form = parts.fields();
                files = parts.files();
            } else {
                form = decode(new String(body, StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /** A form field, empty string if absent. */
    public String field(String name) {
        return form().getOrDefault(name, "");
    }

    /** An uploaded file of a multipart form. */
    public Optional<Multipart.Part> file(String name) {
        form();
        return Optional.ofNullable(files.get(name));
    }

    /** The session (every request has one; the dispatcher creates it). */
    public Session session() {
        return session;
    }

    void session(Session value) {
        session = value;
    }

    /** Who is logged in (pages behind the login only). */
    public String user() {
        return user;
    }

    void user(String value) {
        user = value;
    }

    /** A cookie of the request. */
    Optional<String> cookie(String name) {
        for (String header : http.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                    return Optional.of(pair.substring(eq + 1).strip());
                }
            }
        }
        return Optional.empty();
    }

    /** Sets a response header. */
    public void responseHeader(String name, String value) {
        http.getResponseHeaders().set(name, value);
    }

    void addResponseHeader(String name, String value) {
        http.getResponseHeaders().add(name, value);
    }

    /** Answers with an HTML page or fragment. */
    public void html(int status, String html) {
        send(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers with a download. */
    public void download(String contentType, String fileName, String body) {
        responseHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        send(200, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Redirects (303: the browser GETs the target), or tells htmx to go there. */
    public void redirect(String location) {
        if (isHtmx()) {
            responseHeader("HX-Redirect", location);
            send(200, "text/plain; charset=utf-8", new byte[0]);
        } else {
            responseHeader("Location", location);
            send(303, "text/plain; charset=utf-8", new byte[0]);
        }
    }

    /** Answers with bytes. */
    public void send(int status, String contentType, byte[] body) {
        responseHeader("Content-Type", contentType);
        // the time the server spent on the request, for the browser's developer tools and the benchmark
        responseHeader("Server-Timing", String.format(java.util.Locale.ROOT, "app;dur=%.2f",
                (System.nanoTime() - startedNanos) / 1e6));
        try {
            if (method().equals("HEAD")) {
                http.sendResponseHeaders(status, -1);
            } else {
                http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                try (OutputStream out = http.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot answer " + method() + " " + path(), e);
        }
    }

    private byte[] body() {
        try (InputStream in = http.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + (long) n > maxBody) {
                    throw new TooLarge(maxBody);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    static Map<String, String> decode(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.merge(key, value, (a, b) -> a + "\n" + b);
        }
        return new HashMap<>(out);
    }

    /** A request body larger than the configured maximum. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(long max) {
            super("the request is larger than " + max + " bytes (max upload)");
        }
    }
}
