package io.piha.http.alert;

import io.piha.api.alert.Alert;
import io.piha.api.alert.AlertSink;
import io.piha.api.alert.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Groups and rate-limits alerts so a flapping host does not send a hundred messages: alerts with the same
 * code and subject form a group; each group passes at most {@code maxPerWindow} alerts per window and
 * counts the rest. When the window is over, the next alert of the group (or {@link #flush()}, which the
 * runtime calls on its tick) first sends one summary, "N more ... suppressed", with the highest severity
 * among them. Time comes from the injected clock. Thread-safe; delivery happens outside the lock.
 *
 * @since 0.1
 */
public final class GroupingAlertSink implements AlertSink {

    /** Default window of a group. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
    /** Default number of alerts a group passes per window. */
    public static final int DEFAULT_MAX_PER_WINDOW = 3;
    /** The code of summary alerts is the code of the group; this detail holds the suppressed count. */
    public static final String SUPPRESSED_DETAIL = "suppressed";

    private final AlertSink delegate;
    private final Duration window;
    private final int maxPerWindow;
    private final Clock clock;
    private final Map<String, Group> groups = new HashMap<>();

    /**
     * @param delegate where alerts that pass go
     * @param window how long a group's budget lasts; positive
     * @param maxPerWindow alerts a group passes per window; at least 1
     * @param clock the clock windows are measured with
     * @throws IllegalArgumentException if the window is not positive or the maximum below 1
     */
    public GroupingAlertSink(AlertSink delegate, Duration window, int maxPerWindow, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("alert grouping window must be positive, was " + window);
        }
        if (maxPerWindow < 1) {
            throw new IllegalArgumentException("alerts per window must be at least 1, was " + maxPerWindow);
        }
        this.maxPerWindow = maxPerWindow;
    }

    @Override
    public void send(Alert alert) {
        Instant now = clock.instant();
        List<Alert> out = new ArrayList<>(2);
        synchronized (groups) {
            String key = alert.code() + '\u0000' + alert.subject();
            Group group = groups.get(key);
            if (group == null || group.isOver(now)) {
                if (group != null) {
                    group.summary(now).ifPresent(out::add);
                }
                group = new Group(now);
                groups.put(key, group);
            }
            if (group.passed < maxPerWindow) {
                group.passed++;
                out.add(alert);
            } else {
                group.suppress(alert);
            }
        }
        out.forEach(delegate::send);
    }

    /** Sends the summaries of groups whose window is over and forgets those groups. Call it on a tick. */
    public void flush() {
        Instant now = clock.instant();
        List<Alert> out = new ArrayList<>();
        synchronized (groups) {
            for (Iterator<Group> it = groups.values().iterator(); it.hasNext(); ) {
                Group group = it.next();
                if (group.isOver(now)) {
                    group.summary(now).ifPresent(out::add);
                    it.remove();
                }
            }
        }
        out.forEach(delegate::send);
    }

    /** The alerts of one code and subject within one window. Guarded by {@code groups}. */
    private final class Group {
        private final Instant start;
        private int passed;
        private int suppressed;
        private Alert lastSuppressed;
        private Severity worst = Severity.INFO;

        Group(Instant start) {
            this.start = start;
        }

        boolean isOver(Instant now) {
            return !now.isBefore(start.plus(window));
        }

        void suppress(Alert alert) {
            suppressed++;
            lastSuppressed = alert;
            if (alert.severity().compareTo(worst) > 0) {
                worst = alert.severity();
            }
        }

        Optional<Alert> summary(Instant now) {
            if (suppressed == 0) {
                return Optional.empty();
            }
            String message = suppressed + " more '" + lastSuppressed.code() + "' alerts about "
                    + lastSuppressed.subject() + " suppressed since " + start + "; the last: "
                    + lastSuppressed.message();
            return Optional.of(new Alert(now, lastSuppressed.code(), worst, lastSuppressed.subject(),
                    message, Map.of(SUPPRESSED_DETAIL, Integer.toString(suppressed), "window_start",
                            start.toString())));
        }
    }
}
