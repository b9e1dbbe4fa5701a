package io.piha.mqtt.internal;

import io.piha.api.leadership.LeadershipListener;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.RejectedMessage;
import io.piha.api.leadership.ServiceName;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one service on one connection, and the last accepted payload of each retained topic,
 * so that a listener that joins late still starts from the current picture.
 */
final class ServiceRoute {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRoute.class);

    private final ServiceName service;
    private final List<LeadershipListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> retained = new ConcurrentHashMap<>();

    ServiceRoute(ServiceName service) {
        this.service = service;
    }

    void add(LeadershipListener listener) {
        listeners.add(listener);
    }

    /** Removes the listener; returns whether the route has none left. */
    boolean remove(LeadershipListener listener) {
        listeners.remove(listener);
        return listeners.isEmpty();
    }

    void remember(String topic, byte[] payload) {
        retained.put(topic, payload);
    }

    void forget(String topic) {
        retained.remove(topic);
    }

    Map<String, byte[]> retainedSnapshot() {
        return Map.copyOf(retained);
    }

    void deliver(LeadershipMessage message) {
        for (LeadershipListener l : listeners) {
            deliver(l, message);
        }
    }

    void deliver(LeadershipListener l, LeadershipMessage message) {
        try {
            l.onMessage(message);
        } catch (RuntimeException e) {
            LOG.error("listener of service {} failed on {}; the subscription goes on", service,
                    message.getClass().getSimpleName(), e);
        }
    }

    void connection(boolean up) {
        for (LeadershipListener l : listeners) {
            try {
                l.onConnection(up);
            } catch (RuntimeException e) {
                LOG.error("listener of service {} failed on a connection change; the subscription goes on", service, e);
            }
        }
    }

    void reject(RejectedMessage rejected) {
        for (LeadershipListener l : listeners) {
            try {
                l.onRejected(rejected);
            } catch (RuntimeException e) {
                LOG.error("listener of service {} failed on a rejection; the subscription goes on", service, e);
            }
        }
    }
}
