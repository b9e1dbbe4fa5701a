package io.piha.service;

import io.piha.http.status.QueuedAction;
import io.piha.http.status.ServiceStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.arbiter.Grant;
import io.piha.core.arbiter.Phase;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArbiterStatusTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final HostId PRIMARY = HostId.of("haos-primary");

    @Test
    void aWatchingArbiterShowsLeaderEpochHeartbeatAndTheDeadline() {
        ArbiterState state = state(new Phase.Watching(), Optional.of(NOW.minusSeconds(20)), NOW.minusSeconds(600), false);

        ServiceStatus status = ArbiterStatus.of(ServiceName.HOME_ASSISTANT, state, Optional.of(NOW.plusSeconds(70)));

        assertThat(status.leader()).hasValue(PRIMARY);
        assertThat(status.epoch()).isEqualTo(Epoch.of(7));
        assertThat(status.phase()).isEqualTo("watching");
        assertThat(status.lastHeartbeat()).hasValue(NOW.minusSeconds(20));
        assertThat(status.nextAction()).hasValue(new QueuedAction("declare haos-primary missing unless it heartbeats",
                NOW.plusSeconds(70)));
    }

    @Test
    void aBlockedFailoverSaysWhyAndAFrozenOneShowsTheFreeze() {
        ArbiterState state = state(new Phase.Blocked(PRIMARY, "frozen", Optional.empty(), Optional.empty()),
                Optional.empty(), NOW, true);

        ServiceStatus status = ArbiterStatus.of(ServiceName.HOME_ASSISTANT, state, Optional.empty());

        assertThat(status.phase()).isEqualTo("blocked");
        assertThat(status.frozen()).isTrue();
        assertThat(status.nextAction()).isEmpty();
        assertThat(ArbiterStatus.nextAction(state)).isEqualTo(
                "look again at the failover of haos-primary (blocked: frozen)");
    }

    @Test
    void aFreezeShowsItsReasonOnlyWhileFrozen() {
        ArbiterState frozen = state(new Phase.Watching(), Optional.empty(), NOW, true);
        ArbiterState thawed = state(new Phase.Watching(), Optional.empty(), NOW, false);

        assertThat(ArbiterStatus.of(ServiceName.HOME_ASSISTANT, frozen, Optional.empty(),
                Optional.of("frozen by operator: risky week")).freezeReason()).hasValue("frozen by operator: risky week");
        assertThat(ArbiterStatus.of(ServiceName.HOME_ASSISTANT, thawed, Optional.empty(),
                Optional.of("frozen by operator: risky week")).freezeReason()).isEmpty();
    }

    @Test
    void aHostsLastHeartbeatIsItsStampLessItsClockOffsetAndItFallsSilentAfterTheTimeout() {
        ArbiterState.HostView lagging = new ArbiterState.HostView(Optional.empty(), Optional.of(NOW.minusSeconds(16)),
                Optional.empty(), Optional.of(java.time.Duration.ofSeconds(-6)), Optional.empty());

        Optional<Instant> arrived = lagging.heardAt();

        assertThat(arrived).hasValue(NOW.minusSeconds(10));
        java.time.Duration timeout = java.time.Duration.ofSeconds(90);
        assertThat(HostStatuses.liveness(arrived, timeout, NOW))
                .isEqualTo(io.piha.http.status.HostStatus.Liveness.HEARTBEATING);
        assertThat(HostStatuses.liveness(arrived, timeout, NOW.plusSeconds(81)))
                .isEqualTo(io.piha.http.status.HostStatus.Liveness.SILENT);
        assertThat(HostStatuses.liveness(ArbiterState.HostView.UNKNOWN.heardAt(), timeout, NOW))
                .isEqualTo(io.piha.http.status.HostStatus.Liveness.NOT_HEARD);
    }

    @Test
    void theSafetyLayersResultsAreCountedAndItsIntentsAreNot() {
        java.util.function.BiFunction<io.piha.api.audit.AuditEntry.Outcome, Map<String, String>, Optional<String>> outcome =
                (o, details) -> ControlPlaneStatus.poeOutcome(new io.piha.api.audit.AuditEntry(NOW, "arbiter", "fence",
                        "rack/haos-primary", o, "fence", details));

        assertThat(outcome.apply(io.piha.api.audit.AuditEntry.Outcome.ACCEPTED, Map.of("phase", "intent"))).isEmpty();
        assertThat(outcome.apply(io.piha.api.audit.AuditEntry.Outcome.ACCEPTED, Map.of("phase", "result"))).hasValue("done");
        assertThat(outcome.apply(io.piha.api.audit.AuditEntry.Outcome.FAILED, Map.of())).hasValue("failed");
        assertThat(outcome.apply(io.piha.api.audit.AuditEntry.Outcome.REFUSED, Map.of())).hasValue("refused");
        assertThat(outcome.apply(io.piha.api.audit.AuditEntry.Outcome.PLANNED, Map.of())).hasValue("planned");
    }

    @Test
    void awaitingRecoveryNamesTheSecondProbe() {
        ArbiterState state = state(new Phase.AwaitingRecovery(PRIMARY, NOW.plusSeconds(60)), Optional.empty(), NOW, false);

        assertThat(ArbiterStatus.nextAction(state)).isEqualTo("probe haos-primary again after its power-cycle");
        assertThat(state.phase().label()).isEqualTo("awaiting_recovery");
    }

    @Test
    void everyPhaseOfAHandOverSaysWhatComesNext() {
        Grant grant = new Grant(HostId.of("haos-standby"), "manual", false, Optional.empty(), false);

        assertThat(ArbiterStatus.nextAction(state(new Phase.Demoting(PRIMARY, grant, "c-1", NOW), Optional.empty(), NOW,
                false))).isEqualTo("fence haos-primary unless it acknowledges its demote");
        assertThat(ArbiterStatus.nextAction(state(new Phase.AwaitingLeaseExpiry(PRIMARY, grant, NOW), Optional.empty(), NOW,
                false))).isEqualTo("grant haos-standby once the lease of haos-primary has run out");
    }

    private static ArbiterState state(Phase phase, Optional<Instant> lastHeartbeat, Instant watchSince, boolean frozen) {
        return new ArbiterState(phase, Optional.of(PRIMARY), Epoch.of(7), lastHeartbeat, watchSince, frozen,
                Optional.empty(), 3, Map.of(), Optional.empty(), ArbiterState.Seen.NOTHING, Optional.empty(), true,
                Optional.empty());
    }
}
