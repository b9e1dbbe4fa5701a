package io.piha.service;

import io.piha.api.Durations;
import io.piha.api.alert.AlertSink;
import io.piha.api.audit.AuditLog;
import io.piha.api.leadership.LeadershipBus;
import io.piha.api.leadership.LeadershipEvent;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.ServiceName;
import io.piha.api.sync.IncidentLog;
import io.piha.api.sync.SyncEvent;
import io.piha.api.sync.SyncFreeze;
import io.piha.api.sync.SyncOutcome;
import io.piha.api.sync.SyncStatus;
import io.piha.core.arbiter.ArbiterState;
import io.piha.service.config.ConfigSyncSettings;
import io.piha.sync.ForbiddenPaths;
import io.piha.sync.GitConfigSync;
import io.piha.sync.SyncConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Config sync as the control plane runs it, and the hand-offs no adapter owns: attempts on a schedule; the
 * retained {@code sync_freeze} flag (decoded by piha-mqtt) applied to the repository's freeze; a leadership
 * {@code freeze}/{@code thaw} of the arbiter applied to sync as well and published as the flag; every outcome
 * published on the service's events topic; the status in words for the status page. The incidents sync waits on
 * come from the control plane of the same service, through the {@link IncidentLog} both are given.
 */
final class ConfigSyncRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigSyncRunner.class);

    private final ServiceName service;
    private final GitConfigSync sync;
    private final LeadershipBus bus;
    private final String actor;
    private final Clock clock;

    private ConfigSyncRunner(ServiceName service, GitConfigSync sync, LeadershipBus bus, String actor, Clock clock) {
        this.service = service;
        this.sync = sync;
        this.bus = bus;
        this.actor = actor;
        this.clock = clock;
    }

    /** Builds the sync of {@code settings}; outcomes go to the bus, alerts and audit as the control plane's do. */
    static ConfigSyncRunner of(ConfigSyncSettings settings, Path stateDir, IncidentLog incidents, AlertSink alerts,
                               AuditLog audit, LeadershipBus bus, String actor, Clock clock) {
        SyncConfig config = SyncConfig.custom().service(settings.service().value())
                .primaryBranch(settings.primaryBranch()).standbyBranch(settings.standbyBranch())
                .window(settings.window())
                .forbiddenPaths(ForbiddenPaths.ofDefaults().plus(settings.forbiddenPaths().toArray(String[]::new))).build();
        GitConfigSync.Builder b = settings.remote()
                ? GitConfigSync.remote(settings.repository(), settings.cache().orElse(stateDir.resolve("sync-cache")))
                : GitConfigSync.custom(Path.of(settings.repository()));
        ConfigSyncRunner[] self = new ConfigSyncRunner[1];
        GitConfigSync sync = b.config(config).clock(clock).incidents(incidents).alerts(alerts).audit(audit)
                .listener(event -> self[0].publish(event)).build();
        self[0] = new ConfigSyncRunner(settings.service(), sync, bus, actor, clock);
        return self[0];
    }

    /** Subscribes to the freeze flag and tries to sync every {@code every}, from now. */
    LeadershipBus.Subscription start(ScheduledExecutorService scheduler, Duration every) {
        scheduler.scheduleWithFixedDelay(this::attempt, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return bus.subscribe(service, message -> {
            if (message instanceof LeadershipMessage.SyncFreezeFlagged f) {
                applyFlag(f.freeze());
            }
        });
    }

    private void attempt() {
        try {
            sync.sync();
        } catch (RuntimeException e) {
            LOG.error("config sync of {}: attempt failed: {}", service, e.toString());
        }
    }

    /** The retained flag changed (or was delivered again on a reconnect: then nothing changes). */
    void applyFlag(Optional<SyncFreeze> flag) {
        Optional<SyncFreeze> current = sync.status().freeze();
        if (flag.isEmpty() ? current.isEmpty() : current.filter(c -> same(c, flag.get())).isPresent()) {
            return;
        }
        if (flag.isPresent()) {
            sync.freeze(flag.get());
        } else {
            sync.thaw("mqtt");
        }
    }

    /** The arbiter's freeze changed: a leadership freeze stops config sync too (contract v1), and says so. */
    void onArbiterChange(ArbiterState before, ArbiterState after) {
        if (before.frozen() == after.frozen()) {
            return;
        }
        Optional<SyncFreeze> freeze = after.frozen()
                ? Optional.of(new SyncFreeze("leadership of " + service + " frozen", actor, clock.instant(), Optional.empty()))
                : Optional.empty();
        applyFlag(freeze);
        bus.publish(new LeadershipMessage.SyncFreezeFlagged(service, sync.status().freeze()));
    }

    /** What the status page says about sync, in words. */
    String describe() {
        SyncStatus s = sync.status();
        StringBuilder out = new StringBuilder("standby branch at ")
                .append(s.synced().map(c -> c.hex().substring(0, 10)).orElse("nothing yet"));
        s.freeze().ifPresent(f -> out.append("; frozen by ").append(f.by()).append(" (").append(f.reason()).append(")")
                .append(f.until().map(u -> " until " + u).orElse("")));
        s.pending().ifPresent(p -> out.append("; ").append(p.commit().hex(), 0, 10).append(" eligible in ")
                .append(Durations.format(Duration.between(clock.instant(), p.eligibleAt()).isNegative() ? Duration.ZERO
                        : Duration.between(clock.instant(), p.eligibleAt()))));
        s.last().ifPresent(e -> out.append("; last attempt ").append(name(e.outcome()).replace("sync_", ""))
                .append(" ").append(Durations.format(Duration.between(e.at(), clock.instant()))).append(" ago"));
        return out.toString();
    }

    /** The sync itself, for operator commands. */
    GitConfigSync sync() {
        return sync;
    }

    private void publish(SyncEvent event) {
        bus.publish(new LeadershipMessage.EventRecorded(service, toLeadershipEvent(event)))
                .whenComplete((ok, err) -> {
                    if (err != null) {
                        LOG.warn("config sync of {}: outcome not published: {}", service, err.getMessage());
                    }
                });
    }

    /**
     * A sync attempt as an entry of the service's events ({@code ts}, {@code event}, {@code actor} as contract v1
     * has them, plus {@code service}, {@code healthy} and the outcome's fields).
     */
    LeadershipEvent toLeadershipEvent(SyncEvent e) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("service", service.value());
        details.put("healthy", Boolean.toString(e.outcome().isHealthy()));
        SyncOutcome o = e.outcome();
        Optional<String> reason = Optional.empty();
        if (o instanceof SyncOutcome.Synced s) {
            s.from().ifPresent(f -> details.put("from", f.hex()));
            details.put("to", s.to().hex());
        } else if (o instanceof SyncOutcome.UpToDate u) {
            details.put("at", u.at().hex());
        } else if (o instanceof SyncOutcome.Pending p) {
            details.put("commit", p.commit().hex());
            details.put("eligible_at", p.eligibleAt().toString());
        } else if (o instanceof SyncOutcome.Frozen f) {
            reason = Optional.of(f.freeze().reason());
            details.put("by", f.freeze().by());
            f.freeze().until().ifPresent(u -> details.put("until", u.toString()));
        } else if (o instanceof SyncOutcome.Refused r) {
            details.put("commit", r.commit().hex());
            details.put("paths", String.join(",", r.paths()));
        } else if (o instanceof SyncOutcome.Blocked b) {
            reason = Optional.of(b.reason());
        }
        return new LeadershipEvent(e.at(), name(o), e.actor(), Optional.empty(), reason, Optional.empty(),
                Optional.empty(), details);
    }

    /** The event name of an outcome: {@code sync_synced}, {@code sync_up_to_date}, ... */
    static String name(SyncOutcome o) {
        if (o instanceof SyncOutcome.Synced) {
            return "sync_synced";
        } else if (o instanceof SyncOutcome.UpToDate) {
            return "sync_up_to_date";
        } else if (o instanceof SyncOutcome.Pending) {
            return "sync_pending";
        } else if (o instanceof SyncOutcome.Frozen) {
            return "sync_frozen";
        } else if (o instanceof SyncOutcome.Refused) {
            return "sync_refused";
        }
        return "sync_blocked";
    }

    /** Whether a freeze flag and a stored freeze are the same one (a redelivered flag). */
    private static boolean same(SyncFreeze a, SyncFreeze b) {
        return a.reason().equals(b.reason()) && a.by().equals(b.by()) && a.until().equals(b.until());
    }
}
