package io.piha.core;

import static io.piha.core.Homes.PRIMARY;
import static io.piha.core.Homes.STANDBY;
import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.GateDecision;
import io.piha.core.arbiter.ArbiterEffect.PowerAction;
import io.piha.core.arbiter.Phase;
import io.piha.core.node.NodeRole;
import io.piha.core.simulation.Estate;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The original testing checklist of contract v1, item by item. */
@DisplayName("Contract v1 testing checklist")
class ContractChecklistTest {

    private final Recorder recorder = new Recorder();
    private final Estate home = Homes.runningHome(recorder);

    @Test
    @DisplayName("(1) a leader heartbeats and the standby stays passive")
    void leaderHeartbeatsAndStandbyStaysPassive() {
        home.advance(Duration.ofHours(2));

        assertThat(home.gate(PRIMARY)).isInstanceOf(GateDecision.Leading.class);
        assertThat(home.node(STANDBY).role()).isEqualTo(NodeRole.STANDBY);
        assertThat(home.arbiterState().phase()).isInstanceOf(Phase.Watching.class);
        assertThat(recorder.grants).hasSize(1);
        assertThat(recorder.powerActions).isEmpty();
        assertThat(recorder.alertCodes()).doesNotContain("heartbeat_missed");
    }

    @Test
    @DisplayName("(2) stopping the leader's heartbeat leads to a PoE reset and then promotion")
    void stoppingTheHeartbeatLeadsToPoeResetThenPromotion() {
        home.recoversOnPowerCycle(PRIMARY, false);
        home.kill(PRIMARY);
        home.advance(Duration.ofMinutes(5));

        assertThat(recorder.powerActions).extracting(p -> p.host() + ":" + p.action())
                .containsExactly(PRIMARY + ":" + PowerAction.CYCLE, PRIMARY + ":" + PowerAction.OFF);
        assertThat(recorder.lastGrant().holder()).isEqualTo(STANDBY);
        assertThat(home.node(STANDBY).leadingAt()).contains(Epoch.of(2));
        assertThat(home.actingLeaders()).containsExactly(STANDBY);
    }

    @Test
    @DisplayName("(3) a manual promote takes over even while heartbeats are fresh (drill)")
    void manualPromoteTakesOverWhileHeartbeatsAreFresh() {
        home.operator(Homes.command(CommandVerb.PROMOTE, STANDBY));
        home.advance(Duration.ofSeconds(2));

        assertThat(home.node(STANDBY).leadingAt()).contains(Epoch.of(2));
        assertThat(home.node(PRIMARY).role()).as("old leader fenced by the new epoch").isEqualTo(NodeRole.STANDBY);
        assertThat(home.actingLeaders()).containsExactly(STANDBY);
        assertThat(recorder.powerActions).as("a drill switches no port").isEmpty();
    }

    @Test
    @DisplayName("(4) freeze prevents promotion despite heartbeat loss")
    void freezePreventsPromotionDespiteHeartbeatLoss() {
        home.operator(Homes.command(CommandVerb.FREEZE, PRIMARY).withoutTarget());
        home.advance(Duration.ofSeconds(1));
        home.recoversOnPowerCycle(PRIMARY, false);
        home.kill(PRIMARY);
        home.advance(Duration.ofMinutes(30));

        assertThat(recorder.grants).hasSize(1);
        assertThat(home.node(STANDBY).role()).isEqualTo(NodeRole.STANDBY);
        assertThat(home.arbiterState().phase()).isInstanceOfSatisfying(Phase.Blocked.class,
                b -> assertThat(b.reason()).startsWith("frozen"));
        assertThat(recorder.alertCodes()).contains("promotion_blocked");
    }

    @Test
    @DisplayName("(5) demote hands control back gracefully, through maintenance")
    void demoteHandsControlBack() {
        home.recoversOnPowerCycle(PRIMARY, false);
        home.kill(PRIMARY);
        home.advance(Duration.ofMinutes(5));
        home.repair(PRIMARY);
        home.advance(Duration.ofMinutes(2));
        assertThat(home.node(PRIMARY).role()).as("a returning primary does not reclaim by itself")
                .isNotEqualTo(NodeRole.LEADER);

        home.operator(Homes.command(CommandVerb.DEMOTE, STANDBY));
        home.advance(Duration.ofMinutes(2));

        assertThat(home.node(PRIMARY).leadingAt()).contains(Epoch.of(3));
        assertThat(home.node(STANDBY).role()).isEqualTo(NodeRole.STANDBY);
        assertThat(home.actingLeaders()).containsExactly(PRIMARY);
        assertThat(recorder.lastGrant().why()).contains("hand_back");
    }
}
