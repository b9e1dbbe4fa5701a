package io.piha.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/** Reads the control plane's {@code /status.json}, saying in a few words why when it cannot. */
final class StatusPageClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final URI base;
    private JsonNode document;

    StatusPageClient(URI base) {
        if (base.getScheme() == null || !base.getScheme().startsWith("http") || base.getHost() == null) {
            throw new IllegalArgumentException("--status-url: '" + base + "' is not an http:// or https:// address");
        }
        this.base = base;
    }

    /** The page's address. */
    URI url() {
        return base.resolve("/");
    }

    /** Fetches the document; empty if it came, else why not in a few words. */
    Optional<String> fetch() {
        URI json = base.resolve("/status.json");
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(json).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return Optional.of("HTTP " + r.statusCode() + " from " + json);
            }
            document = new ObjectMapper().readTree(r.body());
            return document.has("services") ? Optional.empty() : Optional.of(json + " is not a PiHA status document");
        } catch (ConnectException e) {
            return Optional.of("connection refused");
        } catch (HttpTimeoutException e) {
            return Optional.of("no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** The document fetched. */
    JsonNode document() {
        return document;
    }
}
