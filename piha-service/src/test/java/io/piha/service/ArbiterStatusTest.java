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
