package io.piha.web.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sends a logged-in request many times and reads the server's own time from its Server-Timing header. */
final class ServerTimes {

    static final int WARMUP = 10;
    static final int RUNS = 100;
    private static final Pattern DUR = Pattern.compile("app;dur=([0-9.]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;
    private String cookie = "";
    private final String csrf;

    ServerTimes(URI base, String user, String password) throws Exception {
        this.base = base;
        String token = token(get("/login").body());
        post("/login", "_csrf=" + token + "&user=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
        csrf = token(get("/").body());
    }

    /** Selects a site for the session (null: every site). */
    void choose(UUID site) throws Exception {
        post("/site", "_csrf=" + csrf + "&back=/&site=" + (site == null ? "" : site));
    }

    void report(String label, String path) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < WARMUP + RUNS; i++) {
            HttpResponse<String> r = get(path);
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode());
            }
            Matcher m = DUR.matcher(r.headers().firstValue("Server-Timing").orElse(""));
            if (i >= WARMUP && m.find()) {
                ms.add(Double.parseDouble(m.group(1)));
            }
        }
        print(label, ms);
    }

    static void print(String label, List<Double> ms) {
        Collections.sort(ms);
        System.out.printf(Locale.ROOT, "%-56s %7.1f  %7.1f  %7.1f%n", label, ms.get(ms.size() / 2),
                ms.get((int) Math.ceil(ms.size() * 0.95) - 1), ms.get(ms.size() - 1));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookie).GET().build());
    }

    private void post(String path, String form) throws Exception {
        send(HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        r.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
        return r;
    }

    private static String token(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token");
        }
        return m.group(1);
    }
}
