package io.piha.sync;

import io.piha.api.sync.SyncEvent;
import io.piha.api.sync.SyncOutcome;
import io.piha.sync.internal.FlatJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON payload of a sync event, for the MQTT adapter to publish on {@code piha/leader/<service>/events}
 * (additive to the v1 contract: {@code ts}, {@code event}, {@code actor} as there, plus sync fields). One flat
 * object, e.g. {@code {"ts":"...","event":"sync_synced","actor":"scheduler","service":"home-assistant",
 * "healthy":true,"from":"<40 hex>","to":"<40 hex>"}}. Stateless and thread-safe.
 *
 * <p>{@code event} is one of {@code sync_synced}, {@code sync_up_to_date}, {@code sync_pending} (with
 * {@code commit}, {@code eligible_at}), {@code sync_frozen} (with {@code reason}, {@code by}, {@code until}),
 * {@code sync_refused} (with {@code commit}, {@code paths} comma-separated) and {@code sync_blocked} (with
 * {@code reason}).
 *
 * @since 0.1
 */
public final class SyncEventJson {

    private SyncEventJson() {
    }

    /**
     * @param service the service whose configuration is synced
     * @param event the attempt
     * @return the payload
     */
    public static String format(String service, SyncEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ts", event.at().toString());
        json.put("event", name(event.outcome()));
        json.put("actor", event.actor());
        json.put("service", service);
        json.put("healthy", event.outcome().isHealthy());
        SyncOutcome o = event.outcome();
        if (o instanceof SyncOutcome.Synced s) {
            s.from().ifPresent(f -> json.put("from", f.hex()));
            json.put("to", s.to().hex());
        } else if (o instanceof SyncOutcome.UpToDate u) {
            json.put("at", u.at().hex());
        } else if (o instanceof SyncOutcome.Pending p) {
            json.put("commit", p.commit().hex());
            json.put("eligible_at", p.eligibleAt().toString());
        } else if (o instanceof SyncOutcome.Frozen f) {
            json.put("reason", f.freeze().reason());
            json.put("by", f.freeze().by());
            f.freeze().until().ifPresent(u -> json.put("until", u.toString()));
        } else if (o instanceof SyncOutcome.Refused r) {
            json.put("commit", r.commit().hex());
            json.put("paths", String.join(",", r.paths()));
        } else if (o instanceof SyncOutcome.Blocked b) {
            json.put("reason", b.reason());
        }
        return FlatJson.write(json);
    }

    private static String name(SyncOutcome o) {
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
}
