package io.piha.cli.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.piha.api.Durations;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.LeadershipListener;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.Lease;
import io.piha.api.leadership.ServiceName;
import io.piha.api.sync.SyncFreeze;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code piha status} from the broker's retained topics, when the control plane's page does not answer. A retained
 * lease is only a memory: while another host heartbeats and its holder does not, the holder is not shown as the leader.
 * Collects on the bus's thread, prints on the caller's.
 */
final class StatusFromTopics implements LeadershipListener {

    private final ServiceName service;
    private final Duration staleAfter;
    private final int events;
    private final Map<HostId, Heartbeat> heartbeats = new TreeMap<>(java.util.Comparator.comparing(HostId::value));
    private final Map<String, String> availability = new TreeMap<>();
    private final List<String> lastEvents = new ArrayList<>();
    private Optional<LeaderState> state = Optional.empty();
    private Optional<Lease> lease = Optional.empty();
    private Optional<Optional<SyncFreeze>> freeze = Optional.empty();

    StatusFromTopics(ServiceName service, Duration staleAfter, int events) {
        this.service = service;
        this.staleAfter = staleAfter;
        this.events = events;
    }

    @Override
    public synchronized void onMessage(LeadershipMessage m) {
        if (m instanceof LeadershipMessage.StateChanged s) {
            state = s.state();
        } else if (m instanceof LeadershipMessage.LeaseGranted l) {
            lease = Optional.of(l.lease());
        } else if (m instanceof LeadershipMessage.HeartbeatPublished h) {
            Heartbeat old = heartbeats.get(h.heartbeat().host());
            if (old == null || h.heartbeat().timestamp().isAfter(old.timestamp())) {
                heartbeats.put(h.heartbeat().host(), h.heartbeat());
            }
        } else if (m instanceof LeadershipMessage.AvailabilityChanged a) {
            availability.put(a.host().value(), a.availability().wire());
        } else if (m instanceof LeadershipMessage.EventRecorded e) {
            lastEvents.add(e.event().event() + " by " + e.event().actor() + e.event().reason().map(r -> ": " + r).orElse(""));
        } else if (m instanceof LeadershipMessage.SyncFreezeFlagged f) {
            freeze = Optional.of(f.freeze());
        }
    }

    /** The hosts whose newest heartbeat is fresh at {@code now}. */
    private List<HostId> beating(Instant now) {
        return heartbeats.values().stream().filter(h -> Duration.between(h.timestamp(), now).compareTo(staleAfter) <= 0)
                .map(Heartbeat::host).toList();
    }

    /** The leader as the topics show it, or why they cannot say. */
    private Leader leader(Instant now) {
        List<HostId> beating = beating(now);
        if (lease.isPresent()) {
            HostId holder = lease.get().holder();
            List<HostId> others = beating.stream().filter(h -> !h.equals(holder)).toList();
            if (others.isEmpty()) {
                return new Leader(Optional.of(holder), holder + " at epoch " + lease.get().epoch()
                        + (beating.contains(holder) ? "" : " (retained lease; no heartbeat of it within "
                        + Durations.format(staleAfter) + ")"));
            }
            return new Leader(Optional.empty(), "uncertain: the retained lease names " + holder + " (epoch "
                    + lease.get().epoch() + "), but " + names(others) + (others.size() == 1 ? " heartbeats" : " heartbeat")
                    + (beating.contains(holder) ? " too" : " and " + holder + " does not")
                    + "; only the control plane can say");
        }
        if (beating.size() == 1) {
            return new Leader(Optional.of(beating.get(0)), beating.get(0) + " (by its heartbeat; no lease retained)");
        }
        return beating.isEmpty() ? new Leader(Optional.empty(), "none (no lease retained, no fresh heartbeat)")
                : new Leader(Optional.empty(), "uncertain: " + names(beating) + " heartbeat and no lease is retained");
    }

    private record Leader(Optional<HostId> host, String words) {
    }

    synchronized void print(PrintWriter out, boolean json, Instant now, String broker, URI page, String why)
            throws Exception {
        Leader leader = leader(now);
        Optional<Heartbeat> newest = heartbeats.values().stream().max(java.util.Comparator.comparing(Heartbeat::timestamp));
        Optional<Duration> age = newest.map(h -> Duration.between(h.timestamp(), now));
        List<String> last = lastEvents.subList(Math.max(0, lastEvents.size() - events), lastEvents.size());
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("source", "retained_topics");
            doc.put("status_page", page.toString());
            doc.put("status_page_error", why);
            doc.put("service", service.value());
            doc.put("state", state.map(LeaderState::wire).orElse(null));
            doc.put("leader", leader.host().map(HostId::value).orElse(null));
            doc.put("lease_holder", lease.map(l -> l.holder().value()).orElse(null));
            doc.put("epoch", lease.map(l -> l.epoch().value()).orElse(null));
            doc.put("frozen", freeze.map(Optional::isPresent).orElse(null));
            doc.put("freeze_reason", freeze.flatMap(f -> f).map(f -> f.by() + ": " + f.reason()).orElse(null));
            doc.put("heartbeat_age_s", age.map(a -> a.toMillis() / 1000.0).orElse(null));
            doc.put("heartbeating", beating(now).stream().map(HostId::value).toList());
            doc.put("availability", availability);
            doc.put("last_event", last.isEmpty() ? null : last.get(last.size() - 1));
            doc.put("events", last);
            out.println(new ObjectMapper().writeValueAsString(doc));
            return;
        }
        out.println("service      " + service + " (broker " + broker + ")");
        out.println("state        " + state.map(LeaderState::wire).orElse("empty (no leader)"));
        out.println("leader       " + leader.words());
        out.println("frozen       " + freeze.map(f -> f.map(x -> "yes (sync_freeze flag): by " + x.by() + ": " + x.reason())
                .orElse("no (sync_freeze flag)")).orElse("unknown: no sync_freeze flag retained"));
        out.println("heartbeat    " + newest.map(h -> Durations.format(age.orElseThrow()) + " ago from " + h.host())
                .orElse("none seen"));
        heartbeats.values().forEach(h -> out.println("host         " + h.host() + ": last heartbeat "
                + Durations.format(Duration.between(h.timestamp(), now)) + " ago" + h.epoch().map(e -> " at epoch " + e)
                .orElse("") + Optional.ofNullable(availability.get(h.host().value())).map(a -> ", " + a).orElse("")));
        availability.forEach((h, a) -> {
            if (!heartbeats.containsKey(HostId.of(h))) {
                out.println("host         " + h + ": " + a + ", no heartbeat seen");
            }
        });
        if (last.isEmpty()) {
            out.println("last event   none retained");
        }
        last.forEach(e -> out.println("last event   " + e));
    }

    private static String names(List<HostId> hosts) {
        return String.join(" and ", hosts.stream().map(HostId::value).toList());
    }
}
