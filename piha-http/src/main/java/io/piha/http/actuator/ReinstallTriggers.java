package io.piha.http.actuator;

import io.piha.api.Secret;
import io.piha.api.recovery.PlannedRequest;
import io.piha.api.recovery.ReinstallTrigger;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The two ways a host's scripted reinstall starts: a command on the control plane's machine (e.g. a script that
 * re-images the Pi's netboot volume, with {@code PIHA_HOST} and {@code PIHA_REASON} in its environment), or a URL
 * that accepts a {@code POST} (e.g. an installer service, with a {@code Bearer} token).
 *
 * @since 0.1
 */
public final class ReinstallTriggers {

    private ReinstallTriggers() {
    }

    /**
     * A command, as an argument list (no shell parsing of its own); a non-zero exit or a time-out is a failure.
     *
     * @param host the host it reinstalls
     * @param command the program and its arguments
     * @param timeout how long it may run
     */
    public static ReinstallTrigger command(String host, List<String> command, Duration timeout) {
        List<String> argv = List.copyOf(command);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("the reinstall command of " + host + " is empty");
        }
        return new ReinstallTrigger() {
            @Override
            public List<PlannedRequest> plan() {
                return List.of(new PlannedRequest("exec", "RUN", String.join(" ", argv), "PIHA_HOST=" + host));
            }

            @Override
            public void start(String reason) {
                Commands.run("the reinstall command " + argv + " of " + host, argv,
                        Map.of("PIHA_HOST", host, "PIHA_REASON", reason), timeout);
            }
        };
    }

    /**
     * A URL that starts the reinstall on {@code POST} with {@code {"host": ..., "reason": ...}}; a 2xx answer means
     * started, anything else (401/403 named as such) is a failure naming the host and the URL.
     *
     * @param token sent as {@code Authorization: Bearer}, if any; never shown
     */
    public static ReinstallTrigger url(String host, URI url, Optional<Secret> token, Duration timeout) {
        Objects.requireNonNull(url, "url");
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        return new ReinstallTrigger() {
            @Override
            public List<PlannedRequest> plan() {
                return List.of(new PlannedRequest("http", "POST", url.toString(), body(host, "<reason>")));
            }

            @Override
            public void start(String reason) {
                HttpRequest.Builder req = HttpRequest.newBuilder(url).timeout(timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body(host, reason)));
                token.ifPresent(t -> req.header("Authorization", "Bearer " + t.reveal()));
                post(host, url, http, req.build());
            }
        };
    }

    private static void post(String host, URI url, HttpClient http, HttpRequest request) {
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 401 || status == 403) {
                throw new IllegalStateException("the reinstall URL " + url + " of " + host + " refused the token (HTTP "
                        + status + "): check the host's reinstall token");
            }
            if (status / 100 != 2) {
                throw new IllegalStateException("the reinstall URL " + url + " of " + host + " answered HTTP " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the reinstall URL " + url + " of " + host + " does not answer: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling the reinstall URL " + url + " of " + host, e);
        }
    }

    private static String body(String host, String reason) {
        return "{\"host\":\"" + json(host) + "\",\"reason\":\"" + json(reason) + "\"}";
    }

    private static String json(String s) {
        return new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s));
    }
}
