package io.piha.sync;

import io.piha.api.alert.AlertSink;
import io.piha.api.audit.AuditEntry;
import io.piha.api.audit.AuditLog;
import io.piha.api.sync.CommitId;
import io.piha.api.sync.ConfigSync;
import io.piha.api.sync.Incident;
import io.piha.api.sync.IncidentLog;
import io.piha.api.sync.SyncEvent;
import io.piha.api.sync.SyncFreeze;
import io.piha.api.sync.SyncListener;
import io.piha.api.sync.SyncOutcome;
import io.piha.api.sync.SyncStatus;
import io.piha.sync.internal.ForbiddenPathScan;
import io.piha.sync.internal.GitFreezeStore;
import io.piha.sync.internal.StoredFreezeException;
import io.piha.sync.internal.PrimaryHistory;
import io.piha.sync.internal.ConfigRepository;
import io.piha.sync.internal.LocalConfigRepository;
import io.piha.sync.internal.RemoteConfigRepository;
import io.piha.sync.internal.SyncBlockedException;
import io.piha.sync.internal.SyncMode;
import io.piha.sync.internal.SyncPolicy;
import io.piha.sync.internal.SyncReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ConfigSync} on a Git repository: decides with the observation window, the incidents and the freeze,
 * refuses forbidden paths, and fast-forwards the standby branch by compare-and-swap. The repository is reached
 * by path ({@link #custom(Path)}: the bare repository on the NAS, or a mounted share) or by {@code file://},
 * {@code ssh://} or {@code https://} ({@link #remote(String, Path)}). Thread-safe: attempts, freezes and thaws
 * are serialised; the repository is opened per call, so other writers (git, the CLI) may share it.
 *
 * @since 0.1
 */
public final class GitConfigSync implements ConfigSync {

    /** The actor of periodic attempts. */
    public static final String SCHEDULER = "scheduler";

    private static final Logger LOG = LoggerFactory.getLogger(GitConfigSync.class);

    private final ConfigRepository repository;
    private final SyncConfig config;
    private final Clock clock;
    private final IncidentLog incidents;
    private final SyncReport report;
    private final SyncPolicy policy;
    private volatile SyncEvent last;

    private GitConfigSync(Builder b) {
        this.repository = b.remote == null ? new LocalConfigRepository(b.path)
                : new RemoteConfigRepository(b.remote, b.cache, b.transport);
        this.config = b.config;
        this.clock = b.clock;
        this.incidents = b.incidents;
        this.report = new SyncReport(config.service(), b.alerts, b.audit, b.listener);
        this.policy = new SyncPolicy(config.window());
    }

    /**
     * A builder for the repository at {@code repository} (a bare repository or a working tree's root), read
     * and updated in place.
     *
     * @param repository where the primary and standby branches live
     */
    public static Builder custom(Path repository) {
        return new Builder(Objects.requireNonNull(repository, "repository"), null, null);
    }

    /**
     * A builder for a remote repository ({@code file://}, {@code ssh://}, {@code https://}, or scp-like
     * {@code git@nas:home-assistant.git}): fetched into the bare cache at {@code cache} before every read, and
     * updated by push with the expected old id, never forced.
     *
     * @param uri the remote; credentials in it are never logged
     * @param cache a local directory for the cache, created if missing
     * @throws IllegalArgumentException naming the URI if it cannot be parsed
     */
    public static Builder remote(String uri, Path cache) {
        return new Builder(null, parse(uri), Objects.requireNonNull(cache, "cache"));
    }

    /** A remote's URI, or an error naming it without its credentials. */
    static URIish parse(String uri) {
        try {
            return new URIish(uri);
        } catch (URISyntaxException e) {
            String shown = uri.replaceAll("//[^/@]*@", "//***@");
            throw new IllegalArgumentException("invalid repository URI '" + shown + "': " + e.getReason(), e);
        }
    }

    @Override
    public SyncStatus status() {
        Instant now = clock.instant();
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
            Facts f = facts(repo, walk, now);
            return new SyncStatus(f.standby().map(id -> new CommitId(id.name())),
                    policy.pending(PrimaryHistory.candidates(f.ahead()), f.latestIncident()),
                    f.freeze(), Optional.ofNullable(last));
        } catch (IOException | RuntimeException e) {
            SyncEvent broken = new SyncEvent(now, "status", new SyncOutcome.Blocked(describe(e)));
            return new SyncStatus(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(broken));
        }
    }

    @Override
    public SyncOutcome sync() {
        return attempt(SyncMode.SCHEDULED, SCHEDULER);
    }

    @Override
    public SyncOutcome force(String actor, boolean evenIfFrozen) {
        return attempt(evenIfFrozen ? SyncMode.FORCED_PAST_FREEZE : SyncMode.FORCED, requireActor(actor));
    }

    @Override
    public synchronized void freeze(SyncFreeze freeze) {
        Objects.requireNonNull(freeze, "freeze");
        storeFreeze(Optional.of(freeze));
        record(freeze.by(), "sync_freeze", AuditEntry.Outcome.ACCEPTED, freeze.reason(),
                freeze.until().map(u -> Map.of("until", u.toString())).orElse(Map.of()));
        LOG.info("config sync of {} frozen by {} until {}: {}", config.service(), freeze.by(),
                freeze.until().map(Instant::toString).orElse("thawed"), freeze.reason());
    }

    @Override
    public synchronized void thaw(String actor) {
        requireActor(actor);
        storeFreeze(Optional.empty());
        record(actor, "sync_thaw", AuditEntry.Outcome.ACCEPTED, "freeze lifted", Map.of());
        LOG.info("config sync of {} thawed by {}", config.service(), actor);
    }

    private synchronized SyncOutcome attempt(SyncMode mode, String actor) {
        Instant now = clock.instant();
        Attempt result;
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
            result = attempt(repo, walk, mode, actor, now);
        } catch (IOException | RuntimeException e) {
            result = new Attempt(new SyncOutcome.Blocked(describe(e)), Map.of());
        }
        report(mode, actor, now, result);
        return result.outcome();
    }

    private Attempt attempt(Repository repo, RevWalk walk, SyncMode mode, String actor, Instant now)
            throws IOException {
        Facts f = facts(repo, walk, now);
        SyncPolicy.Decision decision = policy.decide(new SyncPolicy.Facts(
                f.standby().map(id -> new CommitId(id.name())), PrimaryHistory.candidates(f.ahead()),
                f.latestIncident(), f.freeze(), now, mode));
        if (decision instanceof SyncPolicy.Decision.Stay stay) {
            return new Attempt(stay.outcome(), Map.of());
        }
        CommitId targetId = ((SyncPolicy.Decision.Move) decision).target().id();
        RevCommit target = walk.parseCommit(ObjectId.fromString(targetId.hex()));
        Map<String, String> forbidden = ForbiddenPathScan.scan(walk, target, f.standby(), config.forbiddenPaths());
        if (!forbidden.isEmpty()) {
            return new Attempt(new SyncOutcome.Refused(targetId, List.copyOf(forbidden.keySet())), forbidden);
        }
        return new Attempt(repository.moveBranch(repo, walk, config.standbyBranch(), f.standby(), target, actor, now),
                Map.of());
    }

    private Facts facts(Repository repo, RevWalk walk, Instant now) throws IOException {
        Ref primary = repo.exactRef(repository.ref(config.primaryBranch()));
        if (primary == null || primary.getObjectId() == null) {
            throw new SyncBlockedException("primary branch refs/heads/" + config.primaryBranch()
                    + " not found in " + repository.describe());
        }
        Ref standbyRef = repo.exactRef(repository.ref(config.standbyBranch()));
        Optional<ObjectId> standby = Optional.ofNullable(standbyRef).map(Ref::getObjectId);
        List<RevCommit> ahead = PrimaryHistory.ahead(walk, primary.getObjectId(), standby);
        Optional<SyncFreeze> freeze;
        try {
            freeze = GitFreezeStore.read(repo, repository.freezeRef(), now).filter(fz -> fz.isActiveAt(now));
        } catch (StoredFreezeException e) {
            throw new SyncBlockedException("stored freeze in " + GitFreezeStore.REF + " is unreadable, refusing"
                    + " to sync until it is rewritten (freeze or thaw): " + e.getMessage(), e);
        }
        return new Facts(standby, ahead, freeze, incidents.latest(now).map(Incident::at));
    }

    private void report(SyncMode mode, String actor, Instant now, Attempt result) {
        last = report.attempt(mode, actor, now, result.outcome(), result.details());
    }

    private void record(String actor, String action, AuditEntry.Outcome outcome, String reason,
                        Map<String, String> details) {
        report.audit(clock.instant(), actor, action, outcome, reason, details);
    }

    private void storeFreeze(Optional<SyncFreeze> freeze) {
        try {
            repository.writeFreeze(freeze);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the freeze in " + repository.describe(), e);
        }
    }

    private Repository open() throws IOException {
        return repository.open();
    }

    private String describe(Exception e) {
        if (e instanceof SyncBlockedException) {
            return e.getMessage();
        }
        return "cannot read repository " + repository.describe() + ": " + e;
    }

    private static String requireActor(String actor) {
        if (Objects.requireNonNull(actor, "actor").isBlank()) {
            throw new IllegalArgumentException("an actor is required for the audit trail, was blank");
        }
        return actor;
    }

    private record Facts(Optional<ObjectId> standby, List<RevCommit> ahead, Optional<SyncFreeze> freeze,
                         Optional<Instant> latestIncident) { }

    private record Attempt(SyncOutcome outcome, Map<String, String> details) { }

    /** Builds a {@link GitConfigSync}. Not thread-safe; the built instance is. */
    public static final class Builder {
        private final Path path;
        private final URIish remote;
        private final Path cache;
        private Consumer<Transport> transport = t -> { };
        private SyncConfig config = SyncConfig.ofDefaults();
        private Clock clock = Clock.systemUTC();
        private IncidentLog incidents = new InMemoryIncidentLog();
        private AlertSink alerts = alert -> LOG.warn("alert {}: {}", alert.code(), alert.message());
        private AuditLog audit = entry -> LOG.info("audit {} {} by {}: {}", entry.action(), entry.outcome(),
                entry.actor(), entry.reason());
        private SyncListener listener = event -> { };

        private Builder(Path path, URIish remote, Path cache) {
            this.path = path;
            this.remote = remote;
            this.cache = cache;
        }

        /**
         * Configures each transport to a remote repository, e.g. its SSH session factory or HTTPS credentials;
         * ignored for a repository on a path.
         */
        public Builder transport(Consumer<Transport> transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** The config; defaults to {@link SyncConfig#ofDefaults()}. */
        public Builder config(SyncConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** The time source; defaults to the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where incidents come from; defaults to an empty {@link InMemoryIncidentLog}. */
        public Builder incidents(IncidentLog incidents) {
            this.incidents = Objects.requireNonNull(incidents, "incidents");
            return this;
        }

        /** Where refusals and blocks are alerted; defaults to the log. */
        public Builder alerts(AlertSink alerts) {
            this.alerts = Objects.requireNonNull(alerts, "alerts");
            return this;
        }

        /** Where moves, forced syncs, freezes and thaws are audited; defaults to the log. */
        public Builder audit(AuditLog audit) {
            this.audit = Objects.requireNonNull(audit, "audit");
            return this;
        }

        /** Who hears every outcome, e.g. the MQTT publisher; defaults to nobody. */
        public Builder listener(SyncListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @return the sync, ready to use */
        public GitConfigSync build() {
            return new GitConfigSync(this);
        }
    }
}
