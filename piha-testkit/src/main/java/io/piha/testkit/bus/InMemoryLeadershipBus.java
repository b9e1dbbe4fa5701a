package io.piha.testkit.bus;

import io.piha.api.leadership.LeadershipBus;
import io.piha.api.leadership.LeadershipBusException;
import io.piha.api.leadership.LeadershipListener;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.ServiceName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The leadership bus within one JVM, with the delivery rules of the MQTT contract: every subscriber of a service
 * gets every message of it in publication order, on one delivery thread, and a new subscriber gets the retained
 * kinds first (the newest state, heartbeat, lease, freeze flag and availability of each host). For tests and
 * embedded examples that run the control plane and agents without a broker; everything a real bus adds (loss,
 * duplicates, reconnects) is tested against the brokers. Thread-safe.
 */
public final class InMemoryLeadershipBus implements LeadershipBus {

    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "in-memory-bus");
        t.setDaemon(true);
        return t;
    });
    private final Map<ServiceName, List<LeadershipListener>> listeners = new LinkedHashMap<>();
    private final Map<String, LeadershipMessage> retained = new LinkedHashMap<>();
    private final List<LeadershipMessage> published = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    @Override
    public CompletionStage<Void> publish(LeadershipMessage message) {
        Objects.requireNonNull(message, "message");
        if (closed) {
            return CompletableFuture.failedFuture(new LeadershipBusException("the in-memory bus is closed"));
        }
        published.add(message);
        return CompletableFuture.runAsync(() -> {
            List<LeadershipListener> to;
            synchronized (this) {
                retainedKey(message).ifPresent(k -> retained.put(k, message));
                to = List.copyOf(listeners.getOrDefault(message.service(), List.of()));
            }
            to.forEach(l -> l.onMessage(message));
        }, delivery);
    }

    @Override
    public synchronized Subscription subscribe(ServiceName service, LeadershipListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.computeIfAbsent(service, s -> new CopyOnWriteArrayList<>()).add(listener);
        List<LeadershipMessage> first = new ArrayList<>();
        retained.values().stream().filter(m -> m.service().equals(service)).forEach(first::add);
        delivery.execute(() -> first.forEach(listener::onMessage));
        return () -> {
            synchronized (InMemoryLeadershipBus.this) {
                listeners.getOrDefault(service, List.of()).remove(listener);
            }
        };
    }

    /** Every message published so far, in order: what a test checks the components said. */
    public List<LeadershipMessage> published() {
        return List.copyOf(published);
    }

    /** Waits until every message published before this call has been delivered. */
    public void awaitDelivery() {
        try {
            delivery.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the in-memory bus did not deliver within 10 s", e);
        }
    }

    private static java.util.Optional<String> retainedKey(LeadershipMessage m) {
        String s = m.service().value();
        if (m instanceof LeadershipMessage.StateChanged) {
            return java.util.Optional.of(s + "/state");
        } else if (m instanceof LeadershipMessage.HeartbeatPublished) {
            return java.util.Optional.of(s + "/heartbeat");
        } else if (m instanceof LeadershipMessage.LeaseGranted) {
            return java.util.Optional.of(s + "/lease");
        } else if (m instanceof LeadershipMessage.SyncFreezeFlagged) {
            return java.util.Optional.of(s + "/sync_freeze");
        } else if (m instanceof LeadershipMessage.AvailabilityChanged a) {
            return java.util.Optional.of(s + "/availability/" + a.host().value());
        }
        return java.util.Optional.empty();
    }

    @Override
    public void close() {
        closed = true;
        delivery.shutdown();
    }
}
