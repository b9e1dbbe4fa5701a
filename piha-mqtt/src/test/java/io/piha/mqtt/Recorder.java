package io.piha.mqtt;

import io.piha.api.alert.Alert;
import io.piha.api.alert.AlertSink;
import io.piha.api.leadership.LeadershipListener;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.RejectedMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Records what a subscription and an alert sink receive, and waits for it. */
final class Recorder implements LeadershipListener, AlertSink {

    static final Duration WAIT = Duration.ofSeconds(10);

    final BlockingQueue<LeadershipMessage> messages = new LinkedBlockingQueue<>();
    final BlockingQueue<RejectedMessage> rejected = new LinkedBlockingQueue<>();
    final List<Alert> alerts = new CopyOnWriteArrayList<>();
    final List<LeadershipMessage> all = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(LeadershipMessage message) {
        all.add(message);
        messages.add(message);
    }

    @Override
    public void onRejected(RejectedMessage r) {
        rejected.add(r);
    }

    @Override
    public void send(Alert alert) {
        alerts.add(alert);
    }

    /** The next message of this type matching {@code test}, skipping others; fails after {@link #WAIT}. */
    <T extends LeadershipMessage> T next(Class<T> type, Predicate<T> test) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            LeadershipMessage m;
            try {
                m = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            if (m == null) {
                throw new AssertionError("no " + type.getSimpleName() + " matching within " + WAIT
                        + "; received so far: " + all);
            }
            if (type.isInstance(m) && test.test(type.cast(m))) {
                return type.cast(m);
            }
        }
    }

    <T extends LeadershipMessage> T next(Class<T> type) {
        return next(type, m -> true);
    }

    /** The next rejection; fails after {@link #WAIT}. */
    RejectedMessage nextRejection() {
        try {
            RejectedMessage r = rejected.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (r == null) {
                throw new AssertionError("no rejection within " + WAIT + "; messages: " + all);
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
