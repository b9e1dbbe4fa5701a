package io.piha.examples.poe;

import io.piha.api.recovery.PlannedRequest;
import io.piha.api.recovery.PoeCapability;
import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PoeException;
import io.piha.api.recovery.PortMap;
import io.piha.api.recovery.PortStatus;
import io.piha.api.recovery.PowerAction;
import io.piha.api.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A relay board running ESPHome's {@code web_server} (REST: {@code POST /switch/<id>/turn_off},
 * {@code GET /switch/<id>}), written as a third party would: against {@code piha-api} and the JDK only.
 * Each label maps to a switch entity id, {@code PortAddress.named("relay_haos")}.
 *
 * <p>ESPHome has no device-side timer over REST, so a cycle is off, wait, on: the safety layer journals it.
 * Thread-safe.
 *
 * @since 0.1
 */
public final class EspHomeRelayDriver implements PoeDriver {

    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*(true|false)");
    private static final Pattern ENTITY = Pattern.compile("[a-z0-9_]+");

    private final URI base;
    private final String user;
    private final Secret password;
    private final PortMap map;
    private final Duration timeout;
    private final Consumer<Duration> wait;
    private final HttpClient client;

    /**
     * @param base e.g. {@code http://relay-board.local}
     * @param user the web_server user
     * @param password the web_server password
     * @param map labels to ESPHome switch ids
     * @param timeout for connecting and for each answer
     * @param wait how the off time of a cycle is waited out (sleep outside tests)
     */
    public EspHomeRelayDriver(URI base, String user, Secret password, PortMap map, Duration timeout,
                              Consumer<Duration> wait) {
        this.base = Objects.requireNonNull(base, "base");
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.map = Objects.requireNonNull(map, "map");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.wait = Objects.requireNonNull(wait, "wait");
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public PortMap portMap() {
        return map;
    }

    @Override
    public Set<PoeCapability> capabilities() {
        return Set.of(PoeCapability.ON_OFF, PoeCapability.READ_BACK);
    }

    @Override
    public PortStatus status(String label) {
        Matcher value = VALUE.matcher(send(label, "GET", "/switch/" + entity(label)));
        if (!value.find()) {
            throw new PoeException.UnexpectedAnswer(map.switchName(), label, "no \"value\" in the switch state");
        }
        boolean on = Boolean.parseBoolean(value.group(1));
        return PortStatus.of(label, on, on ? PortStatus.Detection.DELIVERING_POWER : PortStatus.Detection.DISABLED);
    }

    @Override
    public void powerOff(String label) {
        send(label, "POST", "/switch/" + entity(label) + "/turn_off");
    }

    @Override
    public void powerOn(String label) {
        send(label, "POST", "/switch/" + entity(label) + "/turn_on");
    }

    @Override
    public void powerCycle(String label, Duration offTime) {
        powerOff(label);
        try {
            wait.accept(offTime);
        } finally {
            powerOn(label);
        }
    }

    @Override
    public List<PlannedRequest> plan(PowerAction action, String label, Duration offTime) {
        PlannedRequest off = new PlannedRequest("http", "POST", base + "/switch/" + entity(label) + "/turn_off", "");
        PlannedRequest on = new PlannedRequest("http", "POST", base + "/switch/" + entity(label) + "/turn_on", "");
        return switch (action) {
            case OFF -> List.of(off);
            case ON -> List.of(on);
            case CYCLE -> List.of(off, new PlannedRequest("local", "WAIT", offTime.toString(), ""), on);
        };
    }

    @Override
    public void close() {
        // nothing held between requests
    }

    private String send(String label, String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PoeException.SwitchUnreachable(map.switchName(), label, method + " " + base + path
                    + " got no answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PoeException.SwitchUnreachable(map.switchName(), label, "interrupted", e);
        }
        return switch (response.statusCode()) {
            case 200 -> response.body();
            case 401, 403 -> throw new PoeException.AccessDenied(map.switchName(), label, "user '" + user
                    + "' refused: HTTP " + response.statusCode());
            case 404 -> throw new PoeException.UnknownPort(map.switchName(), label, "the board has no switch '"
                    + entity(label) + "'");
            default -> throw new PoeException.UnexpectedAnswer(map.switchName(), label, method + " " + path
                    + " answered HTTP " + response.statusCode());
        };
    }

    private String entity(String label) {
        String id = map.require(label).nativeName();
        if (!ENTITY.matcher(id).matches()) {
            throw new PoeException.UnknownPort(map.switchName(), label, "'" + id + "' is not an ESPHome switch id");
        }
        return id;
    }
}
