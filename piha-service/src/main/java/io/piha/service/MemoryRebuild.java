package io.piha.service;

import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipBus;
import io.piha.api.leadership.LeadershipListener;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.Lease;
import io.piha.api.leadership.ParticipantKind;
import io.piha.api.leadership.ServiceName;
import io.piha.core.arbiter.ArbiterPolicy;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.arbiter.Phase;
import io.piha.mqtt.MqttLeadershipBus;
import io.piha.runtime.ArbiterMemory;
import io.piha.service.config.BrokerConfig;
import io.piha.service.config.ControlPlaneConfig;
import io.piha.service.config.ServiceConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * {@code piha control-plane rebuild-memory}: the way back from a control-plane memory that cannot be trusted. It
 * listens to the broker for a while and rebuilds each service's memory from what the bus still knows: the retained
 * lease (holder and epoch), and the highest epoch heard in heartbeats, commands and events. A memory that loads
 * fine is left alone unless forced; a bad one is kept beside the new one ({@code .corrupt-<time>}).
 *
 * <p>What the bus does not keep is not guessed: the freeze (failover starts unfrozen: freeze again if it was), the
 * failover history (the anti-flap pause starts over), a fence or grant in progress (the control plane starts
 * watching, and a silent leader is handled as any other). The command counter starts at the current time in
 * milliseconds, so command ids never repeat ones the hosts have already seen.
 */
public final class MemoryRebuild {

    private final ControlPlaneConfig config;
    private final Clock clock;

    /**
     * What was rebuilt for one service.
     *
     * @param service the service
     * @param file its memory file
     * @param outcome {@code rebuilt}, {@code sound} (left alone) or {@code nothing_heard} (left alone)
     * @param leader the leader written
     * @param epoch the epoch written
     * @param keptAs where the old file was kept, if it was replaced
     * @param detail what was heard, for people
     */
    public record Result(ServiceName service, Path file, String outcome, Optional<HostId> leader, Epoch epoch,
                         Optional<Path> keptAs, String detail) {
    }

    /** A rebuild for the services of {@code config}. */
    public MemoryRebuild(ControlPlaneConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The file a service's memory lives in under {@code stateDir}: the one place that names it. */
    public static Path memoryFile(Path stateDir, ServiceName service) {
        return stateDir.resolve("arbiter-" + service + ".properties");
    }

    /**
     * Listens for {@code listen}, then rebuilds the memory of every service whose memory is unreadable (or every
     * one, if {@code force}).
     *
     * @param progress one line per step, for people
     */
    public List<Result> run(Path stateDir, Duration listen, boolean force, Consumer<String> progress) {
        Map<ServiceName, Heard> heard = new ConcurrentHashMap<>();
        config.services().forEach(s -> heard.put(s.name(), new Heard()));
        BrokerConfig b = config.broker();
        BrokerConfig listener = new BrokerConfig(b.url(), b.clientId() + "-rebuild", b.username(), b.password(),
                b.caCertificate(), b.topicPrefix(), b.signingKey(), b.requireSignedCommands());
        progress.accept("listening to " + b.url() + " for " + io.piha.api.Durations.format(listen)
                + " for the retained lease and the epochs in use");
        try (MqttLeadershipBus bus = MqttLeadershipBus.connect(Brokers.busConfig(listener, config.timings().contract(),
                config.services().stream().map(ServiceConfig::name).toList(), Optional.empty()))) {
            List<LeadershipBus.Subscription> subs = new ArrayList<>();
            for (ServiceConfig s : config.services()) {
                subs.add(bus.subscribe(s.name(), (LeadershipListener) heard.get(s.name())::take));
            }
            Thread.sleep(listen.toMillis());
            subs.forEach(LeadershipBus.Subscription::close);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listening to the broker; nothing was written", e);
        }
        List<Result> results = new ArrayList<>();
        for (ServiceConfig s : config.services()) {
            Result r = rebuild(s.name(), memoryFile(stateDir, s.name()), heard.get(s.name()), force);
            progress.accept(s.name() + ": " + r.outcome() + " — " + r.detail());
            results.add(r);
        }
        return results;
    }

    private Result rebuild(ServiceName service, Path file, Heard h, boolean force) {
        ArbiterMemory memory = ArbiterMemory.inFile(file);
        Instant now = clock.instant();
        if (!force && Files.exists(file)) {
            try {
                ArbiterState sound = memory.load(now);
                return new Result(service, file, "sound", sound.leader(), sound.epoch(), Optional.empty(),
                        file + " loads (epoch " + sound.epoch() + "); left alone (--force rebuilds it anyway)");
            } catch (ArbiterMemory.UnreadableMemoryException expected) {
                // the case this command is for
            }
        }
        if (h.epoch.get().equals(Epoch.ZERO) && h.lease.get() == null) {
            return new Result(service, file, "nothing_heard", Optional.empty(), Epoch.ZERO, Optional.empty(),
                    "no retained lease and no epoch heard: is this the broker the homes use, with the right topic "
                            + "prefix? Nothing written");
        }
        Optional<Lease> lease = Optional.ofNullable(h.lease.get());
        Epoch epoch = h.epoch.get();
        long ceiling = lease.map(l -> l.epoch().value()).orElse(0L) + ArbiterPolicy.Safety.DEFAULTS.maxEpochJump();
        if (epoch.value() > ceiling) {
            return new Result(service, file, "nothing_heard", Optional.empty(), epoch, Optional.empty(), "heard epoch "
                    + epoch + ", far above the retained lease's " + lease.map(l -> l.epoch().toString()).orElse("(none)")
                    + ": forged or corrupt; find who publishes it. Nothing written");
        }
        // The holder of the retained lease, if it is the newest grant heard; else nobody is known to lead and the
        // control plane learns the leader from the next heartbeat at this epoch.
        Optional<HostId> leader = lease.filter(l -> l.epoch().equals(epoch)).map(Lease::holder);
        ArbiterState.Remembered remembered = new ArbiterState.Remembered(leader, epoch, false, Optional.empty(),
                now.toEpochMilli(), h.kinds, new Phase.Watching(), List.of());
        Optional<Path> kept = Optional.empty();
        try {
            if (Files.exists(file)) {
                Path aside = file.resolveSibling(file.getFileName() + ".corrupt-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(now));
                Files.copy(file, aside);
                kept = Optional.of(aside);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the old memory " + file + " aside: " + e.getMessage(), e);
        }
        memory.save(remembered.resume(now));
        return new Result(service, file, "rebuilt", leader, epoch, kept, "epoch " + epoch
                + leader.map(l -> ", leader " + l).orElse(", leader learnt from the next heartbeat")
                + lease.map(l -> " (retained lease: " + l.holder() + " at epoch " + l.epoch() + ")").orElse(" (no retained lease)")
                + "; not frozen: run `piha freeze` again if failover was frozen");
    }

    /** What the bus said about one service while listening. */
    private static final class Heard {
        final java.util.concurrent.atomic.AtomicReference<Lease> lease = new java.util.concurrent.atomic.AtomicReference<>();
        final java.util.concurrent.atomic.AtomicReference<Epoch> epoch =
                new java.util.concurrent.atomic.AtomicReference<>(Epoch.ZERO);
        final Map<HostId, ParticipantKind> kinds = new ConcurrentHashMap<>();

        void take(LeadershipMessage m) {
            if (m instanceof LeadershipMessage.LeaseGranted g) {
                lease.accumulateAndGet(g.lease(), (old, now) -> old == null || now.epoch().compareTo(old.epoch()) >= 0 ? now : old);
                saw(g.lease().epoch());
            } else if (m instanceof LeadershipMessage.HeartbeatPublished hb) {
                kinds.merge(hb.heartbeat().host(), ParticipantKind.of(hb.heartbeat()),
                        (a, b) -> a.compareTo(b) >= 0 ? a : b);
                hb.heartbeat().epoch().ifPresent(this::saw);
            } else if (m instanceof LeadershipMessage.CommandIssued c) {
                c.command().epoch().ifPresent(this::saw);
            } else if (m instanceof LeadershipMessage.EventRecorded e) {
                e.event().epoch().ifPresent(this::saw);
            }
        }

        private void saw(Epoch e) {
            epoch.accumulateAndGet(e, Epoch::max);
        }
    }
}
