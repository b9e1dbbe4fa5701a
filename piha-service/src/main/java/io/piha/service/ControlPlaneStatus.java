package io.piha.service;

import io.piha.api.alert.AlertSink;
import io.piha.api.audit.AuditEntry;
import io.piha.api.audit.AuditLog;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.LeadershipBus;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.arbiter.Phase;
import io.piha.http.audit.AuditTail;
import io.piha.http.status.EventJournal;
import io.piha.http.status.HostStatus;
import io.piha.http.status.ServiceStatus;
import io.piha.http.status.StatusCounters;
import io.piha.http.status.StatusSnapshot;
import io.piha.http.status.SwitchStatus;
import io.piha.poe.safety.GuardedSwitch;
import io.piha.runtime.ControlPlane;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the status page and {@code /metrics} show of a running control plane, gathered as it runs: every audit entry
 * and alert (through {@link #decisions}, {@link #poe} and {@link #alerts}, wired in front of the real audit log and
 * sinks), the heartbeats heard on the bus, grants and failovers from the arbiters' state changes, and the switches'
 * safety layers. {@link #snapshot()} assembles it; the same for {@code piha control-plane} and the drill.
 * Thread-safe.
 *
 * @since 0.1
 */
public final class ControlPlaneStatus {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ControlPlaneStatus.class);
    private static final Set<String> VERBS = Set.copyOf(Arrays.stream(CommandVerb.values()).map(CommandVerb::wire)
            .toList());

    private final String site;
    private final Clock clock;
    private final EventJournal journal;
    private final Map<String, Watched> planes = new LinkedHashMap<>();
    private final Map<String, GuardedSwitch> switches = new LinkedHashMap<>();
    private final Map<String, String> freezeReasons = new ConcurrentHashMap<>();
    private volatile Supplier<Optional<String>> configSync = Optional::empty;

    private record Watched(ControlPlane plane, HeartbeatTally tally) {
    }

    /**
     * @param site the estate's name for the page's title
     * @param hostIds every host, so that events can be filtered by the host they name
     * @param clock the control plane's clock
     */
    public ControlPlaneStatus(String site, Set<String> hostIds, Clock clock) {
        this.site = site;
        this.clock = clock;
        this.journal = new EventJournal(EventJournal.DEFAULT_CAPACITY, hostIds, new StatusCounters());
    }

    /**
     * The audit log to give the arbiters: each entry goes to the journal (refused operator commands counted, the
     * reason of a freeze kept), then to {@code next}.
     */
    public AuditLog decisions(AuditLog next) {
        return entry -> {
            note(entry);
            journal.record(entry);
            next.record(entry);
        };
    }

    private void note(AuditEntry entry) {
        if (!VERBS.contains(entry.action()) && !entry.action().equals("command")) {
            return;
        }
        if (entry.outcome() == AuditEntry.Outcome.REFUSED) {
            journal.counters().increment(StatusCounters.COMMANDS_REFUSED, entry.subject(), entry.action());
        } else if (entry.outcome() == AuditEntry.Outcome.ACCEPTED && entry.action().equals(CommandVerb.FREEZE.wire())) {
            freezeReasons.put(entry.subject(), entry.reason());
        }
    }

    /** The audit log to give a switch's safety layer: results counted by action and outcome, then {@code next}. */
    public AuditLog poe(String switchName, AuditLog next) {
        return entry -> {
            poeOutcome(entry).ifPresent(o -> journal.counters().increment(StatusCounters.POE_ACTIONS, switchName,
                    entry.action(), o));
            journal.record(entry);
            next.record(entry);
        };
    }

    /** A safety layer's result as a counter's outcome; its intents and breaker notes are not actions. */
    static Optional<String> poeOutcome(AuditEntry entry) {
        return switch (entry.outcome()) {
            case FAILED -> Optional.of("failed");
            case REFUSED -> Optional.of("refused");
            case PLANNED -> Optional.of("planned");
            case ACCEPTED -> "result".equals(entry.details().get("phase")) ? Optional.of("done") : Optional.empty();
            case ROUTINE -> Optional.empty();
        };
    }

    /** The alert sink to give everything: the journal (alerts counted by code), then {@code next}. */
    public AlertSink alerts(AlertSink next) {
        return alert -> {
            journal.send(alert);
            next.send(alert);
        };
    }

    /**
     * Reads the newest decisions of the audit trail (within {@link AuditTail#DEFAULT_MAX_BYTES} from its end, routine
     * entries skipped), so the page shows what happened before a restart, at the same cost however long the trail.
     */
    public void seed(Path auditFile) {
        List<AuditEntry> tail;
        try {
            tail = AuditTail.read(auditFile, EventJournal.DEFAULT_CAPACITY, AuditTail.DEFAULT_MAX_BYTES,
                    e -> e.outcome() != AuditEntry.Outcome.ROUTINE).entries();
        } catch (IllegalStateException e) {
            LOG.warn("status page starts without the events before this start: {}", e.getMessage());
            return;
        }
        tail.forEach(this::note);
        journal.seed(tail);
    }

    /**
     * Follows a control plane: its grants and failovers from its state changes, the heartbeats on its service's
     * topics. Call before it starts.
     *
     * @return the bus subscription, to close with the control plane
     */
    public LeadershipBus.Subscription watch(ControlPlane plane, LeadershipBus bus) {
        String service = plane.policy().service().value();
        HeartbeatTally tally = new HeartbeatTally(plane.policy().service(), journal, clock);
        synchronized (this) {
            planes.put(service, new Watched(plane, tally));
        }
        journal.counters().register(StatusCounters.FAILOVERS, service);
        journal.counters().register(StatusCounters.GRANTS, service, "failover");
        journal.counters().register(StatusCounters.GRANTS, service, "operator");
        plane.onChange((before, after) -> grants(service, before, after));
        return bus.subscribe(plane.policy().service(), tally);
    }

    private void grants(String service, ArbiterState before, ArbiterState after) {
        if (after.phase() instanceof Phase.AwaitingLeader && after.epoch().isNewerThan(before.epoch())) {
            boolean automatic = !after.lastFailover().equals(before.lastFailover());
            journal.counters().increment(StatusCounters.GRANTS, service, automatic ? "failover" : "operator");
            if (automatic) {
                journal.counters().increment(StatusCounters.FAILOVERS, service);
            }
        }
    }

    /** Shows a switch's safety layer. */
    public synchronized void watch(GuardedSwitch sw) {
        switches.put(sw.switchName(), sw);
    }

    /** Shows config sync, in words. */
    public void configSync(Supplier<Optional<String>> describe) {
        this.configSync = describe;
    }

    /** The journal of events (for tests and the drill's checks). */
    public EventJournal journal() {
        return journal;
    }

    /** What the status page shows, now. */
    public StatusSnapshot snapshot() {
        List<ServiceStatus> services = new ArrayList<>();
        List<HostStatus> hosts = new ArrayList<>();
        List<Watched> watched;
        List<GuardedSwitch> guarded;
        synchronized (this) {
            watched = List.copyOf(planes.values());
            guarded = List.copyOf(switches.values());
        }
        for (Watched w : watched) {
            ArbiterState state = w.plane().state();
            String service = w.plane().policy().service().value();
            services.add(ArbiterStatus.of(w.plane().policy().service(), state, w.plane().nextWakeUp(),
                    Optional.ofNullable(freezeReasons.get(service))));
            hosts.addAll(HostStatuses.of(w.plane(), state, w.tally()::epoch, clock.instant()));
        }
        List<SwitchStatus> sws = guarded.stream().map(sw -> SwitchStatuses.of(sw.view(), journal.events())).toList();
        return new StatusSnapshot(clock.instant(), site, services, hosts, sws, journal.events(), journal.routine(),
                configSync.get(), journal.counters().samples());
    }
}
