package io.piha.testkit.homeassistant;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ParticipantKind;
import io.piha.api.leadership.ServiceName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A Home Assistant host for drills and end-to-end tests: a real HTTP server answering {@code /supervisor/ping} and
 * {@code /api/} as HAOS and Home Assistant Core do, the automation services the REST actuator calls, power switched by
 * the simulated PoE switch, and, as a leadership participant, exactly what its automations publish:
 * <ul>
 *   <li>{@link ParticipantKind#V1}: the automations homes run today ({@code contract-v1.md}), plain text only;</li>
 *   <li>{@link ParticipantKind#PACKAGE}: {@code docs/home-assistant/piha_leadership.yaml};</li>
 *   <li>{@link ParticipantKind#AGENT}: no leadership automations; the PiHA agent beside it turns its automations on
 *       and off through the REST API.</li>
 * </ul>
 * Either kind boots as a standby and never reclaims leadership. Build one with {@link #builder(HostId, ServiceName)}.
 */
public final class SimulatedHomeAssistant implements AutoCloseable {

    private final HostId id;
    private final String token;
    private final Consumer<String> log;
    private final HttpServer http;
    private final ScheduledExecutorService timer;
    private final Optional<LeadershipAutomations> automations;
    private final AtomicInteger pings = new AtomicInteger();
    private volatile boolean powered = true;
    private volatile boolean running = true;
    private volatile boolean recoversOnReboot = true;
    private volatile boolean automationsOn;

    /**
     * The host as the drill has always built it.
     *
     * @param participant whether this host takes part in leadership itself (the HAOS primary with the PiHA package,
     *     which also leaves a Last Will and can lead as a v1 host before its first grant, {@link #leadAsV1()}); a
     *     standby driven by the SDK's agent is not
     */
    public SimulatedHomeAssistant(HostId id, ServiceName service, String token, boolean participant, int brokerPort,
                                  Duration heartbeatInterval, Clock clock, Consumer<String> log) {
        this(builder(id, service).token(token).participant(participant ? ParticipantKind.PACKAGE : ParticipantKind.AGENT)
                .broker(brokerPort).heartbeatInterval(heartbeatInterval).clock(clock).log(log), participant);
    }

    private SimulatedHomeAssistant(Builder b, boolean legacy) {
        this.id = b.id;
        this.token = b.token;
        this.log = b.log;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulated-" + id);
            t.setDaemon(true);
            return t;
        });
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the HTTP server of " + id, e);
        }
        http.createContext("/", this::answer);
        http.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "simulated-" + id + "-http");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        LeadershipAutomations.Setup setup = new LeadershipAutomations.Setup(id, b.service, b.brokerPort, b.clock, b.zone,
                this::isUp, log);
        automations = switch (b.participant) {
            case V1 -> Optional.of(new V1Automations(setup));
            case PACKAGE -> Optional.of(new PackageAutomations(setup, legacy));
            case AGENT -> Optional.empty();
        };
        automations.ifPresent(a -> {
            a.boot();
            timer.scheduleAtFixedRate(a::timePattern, 0, b.heartbeatInterval.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    /** A builder for host {@code id} of {@code service}; see {@link Builder} for the defaults. */
    public static Builder builder(HostId id, ServiceName service) {
        return new Builder(id, service);
    }

    /** The host's id. */
    public HostId id() {
        return id;
    }

    /** Where its HTTP server listens. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** Whether its Home Assistant answers now. */
    public boolean isUp() {
        return powered && running;
    }

    /** Whether it is powered now (its PoE port delivers power). */
    public boolean isPowered() {
        return powered;
    }

    /** Whether its automations are on (set by the REST actuator). */
    public boolean automationsOn() {
        return automationsOn;
    }

    /** Whether it leads now, as a participant ({@code input_boolean.piha_leader} on, and running). */
    public boolean isLeading() {
        return automations.map(LeadershipAutomations::leading).orElse(false) && isUp();
    }

    /** The epoch its automations hold (0 for a v1 host, which has none). */
    public long epoch() {
        return automations.map(LeadershipAutomations::epoch).orElse(0L);
    }

    /** How many heartbeats it has published. */
    public int heartbeatsPublished() {
        return automations.map(LeadershipAutomations::heartbeatsPublished).orElse(0);
    }

    /** Every payload its automations heard on the service's {@code cmd} topic while it ran, oldest first. */
    public List<String> commandsHeard() {
        return automations.map(LeadershipAutomations::commandsHeard).orElse(List.of());
    }

    /** How many HTTP requests (health probes included) it has answered. */
    public int requestsAnswered() {
        return pings.get();
    }

    /**
     * Makes it the leader as a house runs before any control plane: a v1 host heartbeats without epoch and
     * republishes {@code leader}; the drill's package primary heartbeats without epoch until its first grant.
     */
    public void leadAsV1() {
        automations.orElseThrow(() -> new IllegalStateException(id + " has no leadership automations (an agent's host)"))
                .leadAsDeployed();
    }

    /** Home Assistant hangs: no answers, no heartbeats; a power-cycle revives it unless {@link #diesForGood()}. */
    public void hang() {
        running = false;
        log.accept(id + " hangs: Home Assistant stops answering and heartbeating");
    }

    /** From now on a power-cycle does not bring it back (dead SD card). */
    public void diesForGood() {
        recoversOnReboot = false;
    }

    /** Repaired by a person: it will boot when its port is powered. */
    public void repaired() {
        recoversOnReboot = true;
    }

    /** The PoE switch changed this host's power. */
    public void powerChanged(boolean on) {
        if (!on) {
            powered = false;
            automations.ifPresent(LeadershipAutomations::powerLost);
            log.accept(id + " loses power");
            return;
        }
        powered = true;
        running = recoversOnReboot;
        log.accept(id + " powered; " + (running ? "boots as standby (never reclaims leadership)" : "stays dead"));
        if (running) {
            // Not on the switch's thread: connecting takes a moment.
            automations.ifPresent(a -> timer.execute(a::boot));
        }
    }

    /** When it last published a heartbeat, if ever. */
    public Optional<Instant> lastHeartbeat() {
        return automations.flatMap(LeadershipAutomations::lastHeartbeat);
    }

    private void answer(HttpExchange ex) throws IOException {
        if (!isUp()) {
            ex.close();
            return;
        }
        pings.incrementAndGet();
        String path = ex.getRequestURI().getPath();
        boolean authorised = ("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"));
        if (path.equals("/supervisor/ping")) {
            send(ex, 200, "{\"result\":\"ok\",\"data\":{}}");
        } else if (path.equals("/api/")) {
            send(ex, authorised ? 200 : 401, authorised ? "{\"message\":\"API running.\"}" : "401: Unauthorized");
        } else if (path.startsWith("/api/services/automation/turn_") && authorised) {
            automationsOn = path.endsWith("turn_on");
            log.accept(id + " automations " + (automationsOn ? "on" : "off") + " (REST actuator)");
            send(ex, 200, "[]");
        } else {
            send(ex, authorised ? 404 : 401, authorised ? "404: Not Found" : "401: Unauthorized");
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        automations.ifPresent(LeadershipAutomations::close);
        http.stop(0);
    }

    /**
     * How to build a {@link SimulatedHomeAssistant}. Defaults: participant {@link ParticipantKind#V1}, heartbeat
     * interval 30 s (the contract's), the system clock, time zone Europe/Berlin (offset +01:00 or +02:00), token
     * {@code t0k3n}, log discarded.
     */
    public static final class Builder {
        private final HostId id;
        private final ServiceName service;
        private ParticipantKind participant = ParticipantKind.V1;
        private int brokerPort = -1;
        private Duration heartbeatInterval = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneId.of("Europe/Berlin");
        private String token = "t0k3n";
        private Consumer<String> log = s -> { };

        private Builder(HostId id, ServiceName service) {
            this.id = Objects.requireNonNull(id, "id");
            this.service = Objects.requireNonNull(service, "service");
        }

        /** Which automations it runs: v1, the package, or none (an agent drives it). */
        public Builder participant(ParticipantKind kind) {
            this.participant = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /** The MQTT broker's port on 127.0.0.1 (required for v1 and package hosts). */
        public Builder broker(int port) {
            this.brokerPort = port;
            return this;
        }

        /** How often its time-pattern automations run (heartbeat, republished state). */
        public Builder heartbeatInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("heartbeat interval must be positive, was " + interval);
            }
            this.heartbeatInterval = interval;
            return this;
        }

        /** The host's clock. */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** The host's time zone: the offset its timestamps carry. */
        public Builder zone(ZoneId z) {
            this.zone = Objects.requireNonNull(z, "zone");
            return this;
        }

        /** The long-lived access token its REST API accepts. */
        public Builder token(String t) {
            this.token = Objects.requireNonNull(t, "token");
            return this;
        }

        /** Where it says what happens to it. */
        public Builder log(Consumer<String> l) {
            this.log = Objects.requireNonNull(l, "log");
            return this;
        }

        /** Starts its HTTP server and, for v1 and package hosts, boots its automations as a standby. */
        public SimulatedHomeAssistant start() {
            if (participant != ParticipantKind.AGENT && brokerPort <= 0) {
                throw new IllegalStateException("a " + participant.wire() + " host needs the broker's port: broker(port)");
            }
            return new SimulatedHomeAssistant(this, false);
        }
    }
}
