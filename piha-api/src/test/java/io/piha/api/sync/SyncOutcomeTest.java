package io.piha.api.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each sync outcome in words: abbreviated commits, names and reasons, never a record's toString. */
class SyncOutcomeTest {

    private static final CommitId A = new CommitId("1a2b3c4d5e6f708192a3b4c5d6e7f80911223344");
    private static final CommitId B = new CommitId("0f9e8d7c6b5a49382716ffeeddccbbaa99887766");
    private static final Instant T = Instant.parse("2026-05-03T18:00:00Z");

    @Test
    void everyOutcomeSaysWhatHappenedInWords() {
        assertThat(new SyncOutcome.Synced(Optional.of(B), A, "alice").describe())
                .isEqualTo("synced 1a2b3c4d5e (was 0f9e8d7c6b) by alice");
        assertThat(new SyncOutcome.Synced(Optional.empty(), A, "scheduler").describe())
                .isEqualTo("synced 1a2b3c4d5e (new standby branch) by scheduler");
        assertThat(new SyncOutcome.UpToDate(A).describe()).isEqualTo("up to date at 1a2b3c4d5e");
        assertThat(new SyncOutcome.Pending(A, T).describe())
                .isEqualTo("1a2b3c4d5e waits for its observation window until 2026-05-03T18:00:00Z");
        assertThat(new SyncOutcome.Frozen(new SyncFreeze("new coordinator", "bob", T, Optional.empty())).describe())
                .isEqualTo("frozen by bob since 2026-05-03T18:00:00Z until thawed: new coordinator");
        assertThat(new SyncOutcome.Refused(A, List.of("secrets.yaml", ".storage/auth")).describe())
                .isEqualTo("refused 1a2b3c4d5e: it adds or changes paths that must never reach a standby: secrets.yaml,"
                        + " .storage/auth");
        assertThat(new SyncOutcome.Blocked("not a fast-forward").describe()).isEqualTo("blocked: not a fast-forward");
    }
}
