package io.piha.testkit.supervisor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The backups part of a Home Assistant Supervisor, as its public API documentation describes it
 * (developers.home-assistant.io, Supervisor API, "Backup"), reached as through Home Assistant's proxy at
 * {@code /api/hassio/}: {@code POST backups/new/full}, {@code GET backups}, {@code GET backups/<slug>/info},
 * {@code GET backups/<slug>/download}; a {@code Bearer} token on every call (401 otherwise); answers wrapped as
 * {@code {"result": "ok", "data": {...}}}, errors as {@code {"result": "error", "message": ...}}. Archives are real
 * tars holding {@code backup.json} and {@code homeassistant.tar.gz}, as HAOS writes them. A real HTTP server on
 * 127.0.0.1 and a free port; faults can be switched on for tests.
 */
public final class SimulatedSupervisor implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BACKUP = Pattern.compile("/api/hassio/backups/([^/]+)/(info|download)");

    private record Backup(String slug, String name, Instant date, byte[] archive) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String token;
    private final Map<String, Backup> backups = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile int truncateDownloadsTo = -1;
    private volatile boolean malformedJson;
    private volatile SizeField sizeField = SizeField.BYTES;

    /** How backup models give the archive's size. */
    public enum SizeField {
        /** {@code size_bytes} and {@code size} in MB, as newer Supervisors do. */
        BYTES,
        /** Only {@code size} in MB, rounded to two places, as the documentation's model shows. */
        MEGABYTES,
        /** No size at all. */
        NONE
    }

    /** Starts a Supervisor that accepts {@code token}. */
    public SimulatedSupervisor(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/hassio/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The API's base URL, {@code http://127.0.0.1:<port>/api/hassio/}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/hassio/");
    }

    /** Adds a finished full backup, as if made at {@code date}; returns its slug. */
    public String addBackup(String name, Instant date) {
        return addBackup(name, date, 70_000); // several blocks, not a multiple of 512
    }

    /** Adds a finished full backup whose {@code homeassistant.tar.gz} has {@code contentBytes} bytes (benchmarks). */
    public String addBackup(String name, Instant date, int contentBytes) {
        String slug = String.format("%08x", 0x5a1e0000 + counter.incrementAndGet());
        backups.put(slug, new Backup(slug, name, date, archive(slug, name, date, contentBytes)));
        return slug;
    }

    /** From now on, downloads send only the first {@code bytes} bytes of an archive, then close (-1: whole). */
    public void truncateDownloadsTo(int bytes) {
        truncateDownloadsTo = bytes;
    }

    /** From now on, JSON answers are cut in the middle (a proxy error page would do the same). */
    public void answerMalformedJson(boolean on) {
        malformedJson = on;
    }

    /** How backup models give the size from now on. */
    public void sizeField(SizeField field) {
        sizeField = field;
    }

    /** The archive the Supervisor holds for {@code slug}. */
    public byte[] archiveOf(String slug) {
        return backups.get(slug).archive().clone();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.equals("Bearer " + token)) {
                send(ex, 401, "text/plain", "401: Unauthorized".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            Matcher m = BACKUP.matcher(path);
            if (method.equals("POST") && path.equals("/api/hassio/backups/new/full")) {
                String name = JSON.readTree(ex.getRequestBody()).path("name").asText("Full backup");
                ok(ex, JSON.createObjectNode().put("slug", addBackup(name, Instant.now())));
            } else if (method.equals("GET") && path.equals("/api/hassio/backups")) {
                ArrayNode list = JSON.createArrayNode();
                backups.values().forEach(b -> list.add(model(b, false)));
                ok(ex, JSON.createObjectNode().set("backups", list));
            } else if (method.equals("GET") && m.matches() && backups.containsKey(m.group(1))) {
                Backup b = backups.get(m.group(1));
                if (m.group(2).equals("info")) {
                    ok(ex, model(b, true));
                } else {
                    int n = truncateDownloadsTo < 0 ? b.archive().length : Math.min(truncateDownloadsTo, b.archive().length);
                    send(ex, 200, "application/x-tar", java.util.Arrays.copyOf(b.archive(), n));
                }
            } else {
                error(ex, 400, "Backup does not exist");
            }
        }
    }

    private ObjectNode model(Backup b, boolean details) {
        ObjectNode n = JSON.createObjectNode().put("slug", b.slug()).put("name", b.name()).put("date", b.date().toString())
                .put("type", "full").put("protected", false).put("compressed", true);
        if (sizeField != SizeField.NONE) {
            n.put("size", Math.round(b.archive().length / 1024.0 / 1024.0 * 100) / 100.0);
        }
        if (sizeField == SizeField.BYTES) {
            n.put("size_bytes", b.archive().length);
        }
        if (details) {
            n.put("homeassistant", "2024.6.0").putNull("location");
            n.putArray("addons");
            n.putArray("repositories");
            n.putArray("folders").add("share").add("ssl");
        } else {
            n.putObject("content").put("homeassistant", true).putArray("addons");
        }
        return n;
    }

    private void ok(HttpExchange ex, Object data) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("result", "ok");
        root.set("data", JSON.valueToTree(data));
        String text = root.toString();
        send(ex, 200, "application/json", (malformedJson ? text.substring(0, text.length() / 2) : text)
                .getBytes(StandardCharsets.UTF_8));
    }

    private void error(HttpExchange ex, int status, String message) throws IOException {
        send(ex, status, "application/json", JSON.createObjectNode().put("result", "error").put("message", message)
                .toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] archive(String slug, String name, Instant date, int contentBytes) {
        ObjectNode meta = JSON.createObjectNode().put("slug", slug).put("version", 2).put("name", name)
                .put("date", date.toString()).put("type", "full").put("supervisor_version", "2024.06.0")
                .put("protected", false).put("compressed", true);
        meta.putObject("homeassistant").put("version", "2024.6.0");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("./backup.json", meta.toPrettyString().getBytes(StandardCharsets.UTF_8));
        byte[] config = new byte[contentBytes]; // stands for homeassistant.tar.gz
        new java.util.Random(slug.hashCode()).nextBytes(config);
        files.put("./homeassistant.tar.gz", config);
        return TarWriter.archive(files, date.getEpochSecond());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
