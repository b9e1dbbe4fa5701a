package io.piha.web.internal;

import io.piha.inventory.ImportProgress;
import io.piha.inventory.RowRejection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One import the dashboard started: its live progress (fed by the importer's {@link ImportProgress}), then its
 * report. Written by the importing thread, read by page requests: every method is synchronized.
 */
public final class ImportJob implements ImportProgress {

    /** Where a job is. */
    public enum State {
        /** Importing. */
        RUNNING,
        /** Finished; the report is there. */
        DONE,
        /** Refused or failed; nothing was written by the failing transaction. */
        FAILED
    }

    /**
     * One progress report.
     *
     * @param phase what the importer was doing
     * @param done units done
     * @param total units in all
     */
    public record Step(String phase, long done, long total) {
    }

    private final UUID id = UUID.randomUUID();
    private final String title;
    private final String site;
    private final Instant started;
    private final Clock clock;
    private State state = State.RUNNING;
    private Step step = new Step("starting", 0, 1);
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, String> counts = new LinkedHashMap<>();
    private List<RowRejection> rejected = List.of();
    private List<String> notes = List.of();
    private Optional<String> error = Optional.empty();
    private Optional<Instant> finished = Optional.empty();

    ImportJob(String title, String site, Clock clock) {
        this.title = title;
        this.site = site;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public synchronized void update(String phase, long done, long total) {
        step = new Step(phase, done, Math.max(total, done));
        if (steps.size() < 200) {
            steps.add(step);
        }
    }

    synchronized void done(Map<String, String> result, List<RowRejection> refused, List<String> lines) {
        counts.putAll(result);
        rejected = List.copyOf(refused);
        notes = List.copyOf(lines);
        state = State.DONE;
        finished = Optional.of(clock.instant());
    }

    synchronized void failed(String message) {
        error = Optional.of(message);
        state = State.FAILED;
        finished = Optional.of(clock.instant());
    }

    /** Its id. */
    public UUID id() {
        return id;
    }

    /** What it imports, e.g. {@code Scan import of scan.json}. */
    public String title() {
        return title;
    }

    /** The site's label. */
    public String site() {
        return site;
    }

    /** When it started. */
    public Instant started() {
        return started;
    }

    /** Where it is. */
    public synchronized State state() {
        return state;
    }

    /** Whether it still runs. */
    public synchronized boolean running() {
        return state == State.RUNNING;
    }

    /** The latest progress report. */
    public synchronized Step step() {
        return step;
    }

    /** Percent of the current phase, 0-100 (100 once finished). */
    public synchronized int percent() {
        return state != State.RUNNING ? 100 : (int) (100 * step.done() / Math.max(1, step.total()));
    }

    /** Every progress report so far (the first 200). */
    public synchronized List<Step> steps() {
        return List.copyOf(steps);
    }

    /** The report's counts. */
    public synchronized Map<String, String> counts() {
        return new LinkedHashMap<>(counts);
    }

    /** Rows or devices the importer refused, with reasons. */
    public synchronized List<RowRejection> rejected() {
        return rejected;
    }

    /** Further lines of the report (moved MACs, devices HomeSeer no longer has). */
    public synchronized List<String> notes() {
        return notes;
    }

    /** Why it failed. */
    public synchronized Optional<String> error() {
        return error;
    }

    /** When it finished. */
    public synchronized Optional<Instant> finished() {
        return finished;
    }
}
