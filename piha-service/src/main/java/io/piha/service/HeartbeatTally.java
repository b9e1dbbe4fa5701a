package io.piha.service;

import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipListener;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.ServiceName;
import io.piha.http.status.EventJournal;
import io.piha.http.status.StatusCounters;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Heartbeats heard on one service's topics: counted per host (a routine input of the journal and
 * {@link StatusCounters#HEARTBEATS}), and each host's newest epoch kept for the status page. Runs on the bus's
 * thread; never blocks.
 */
final class HeartbeatTally implements LeadershipListener {

    private final ServiceName service;
    private final EventJournal journal;
    private final Clock clock;
    private final Map<HostId, Optional<Epoch>> epochs = new ConcurrentHashMap<>();

    HeartbeatTally(ServiceName service, EventJournal journal, Clock clock) {
        this.service = service;
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public void onMessage(LeadershipMessage message) {
        if (message instanceof LeadershipMessage.HeartbeatPublished h) {
            HostId host = h.heartbeat().host();
            epochs.put(host, h.heartbeat().epoch());
            journal.routine("heartbeat", service.value(), Optional.of(host.value()), clock.instant());
            journal.counters().increment(StatusCounters.HEARTBEATS, service.value(), host.value());
        }
    }

    /** The epoch the host's newest heartbeat carried, if it carried one. */
    Optional<Epoch> epoch(HostId host) {
        return epochs.getOrDefault(host, Optional.empty());
    }
}
