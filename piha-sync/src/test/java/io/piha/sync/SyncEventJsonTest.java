package io.piha.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.sync.CommitId;
import io.piha.api.sync.SyncEvent;
import io.piha.api.sync.SyncFreeze;
import io.piha.api.sync.SyncOutcome;
import io.piha.sync.internal.FlatJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyncEventJsonTest {

    private static final Instant AT = Instant.parse("2026-02-02T02:02:02Z");
    private static final CommitId A = new CommitId("a".repeat(40));
    private static final CommitId B = new CommitId("b".repeat(40));

    private static Map<String, Object> json(SyncOutcome outcome) {
        return FlatJson.parseObject(SyncEventJson.format("home-assistant", new SyncEvent(AT, "alice", outcome)));
    }

    @Test
    void aMoveCarriesTheV1FieldsAndBothCommits() {
        assertThat(json(new SyncOutcome.Synced(Optional.of(A), B, "alice"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ts", "2026-02-02T02:02:02Z", "event", "sync_synced", "actor", "alice",
                "service", "home-assistant", "healthy", true, "from", A.hex(), "to", B.hex()));
    }

    @Test
    void pendingFrozenRefusedAndBlockedAreNeverHealthyAndSayWhy() {
        assertThat(json(new SyncOutcome.Pending(A, AT))).containsEntry("event", "sync_pending")
                .containsEntry("healthy", false).containsEntry("eligible_at", AT.toString());
        assertThat(json(new SyncOutcome.Frozen(new SyncFreeze("drill \"2\"", "bob", AT, Optional.empty()))))
                .containsEntry("event", "sync_frozen").containsEntry("healthy", false)
                .containsEntry("reason", "drill \"2\"").containsEntry("by", "bob");
        assertThat(json(new SyncOutcome.Refused(A, List.of(".storage/auth", "secrets.yaml"))))
                .containsEntry("paths", ".storage/auth,secrets.yaml").containsEntry("healthy", false);
        assertThat(json(new SyncOutcome.Blocked("not a fast-forward"))).containsEntry("event", "sync_blocked")
                .containsEntry("reason", "not a fast-forward");
    }
}
