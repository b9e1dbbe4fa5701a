package io.piha.core;

import static io.piha.core.Homes.PRIMARY;
import static io.piha.core.Homes.STANDBY;
import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Epoch;
import io.piha.core.arbiter.ArbiterPolicy;
import io.piha.core.arbiter.FencingMode;
import io.piha.core.arbiter.Phase;
import io.piha.core.arbiter.Topology;
import io.piha.core.node.NodeRole;
import io.piha.core.simulation.Estate;
import io.piha.core.simulation.EstateSettings;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The four operational flows of the NAS control-plane seed, and the faults around them. */
@DisplayName("NAS control-plane flows")
class ControlPlaneFlowsTest {

    private final Recorder recorder = new Recorder();

    @Test
    @DisplayName("normal operation: a day of heartbeats changes nothing")
    void normalOperation() {
        Estate home = Homes.runningHome(recorder);
        home.advance(Duration.ofDays(1));

        assertThat(home.actingLeaders()).containsExactly(PRIMARY);
        assertThat(home.node(STANDBY).role()).isEqualTo(NodeRole.STANDBY);
        assertThat(recorder.grants).hasSize(1);
    }

    @Test
    @DisplayName("heartbeat failure: a hung primary revived by its PoE reset boots as a standby and is promoted again")
    void hungPrimaryRevivedByItsPowerCycleLeadsAgain() {
        Estate home = Homes.runningHome(recorder);
        home.kill(PRIMARY);
        home.advance(Duration.ofMinutes(5));

        assertThat(recorder.powerActions).as("one power-cycle, no fence: it is the same host").hasSize(1);
        assertThat(recorder.lastGrant().holder()).isEqualTo(PRIMARY);
        assertThat(recorder.lastGrant().epoch()).as("a new epoch for the restarted agent").isEqualTo(Epoch.of(2));
        assertThat(home.actingLeaders()).as("%s", recorder.trace).containsExactly(PRIMARY);
    }

    @Test
    @DisplayName("heartbeat failure: promotion comes within timeout + power-cycle + recovery wait")
    void promotionTimingMatchesTheSeed() {
        Estate home = Homes.runningHome(recorder);
        home.recoversOnPowerCycle(PRIMARY, false);
        var killedAt = home.now();
        home.kill(PRIMARY);
        home.advance(Duration.ofMinutes(5));

        Duration took = Duration.between(killedAt, recorder.lastGrant().at());
        ArbiterPolicy p = home.policy();
        assertThat(took).isBetween(p.recoveryWait(), p.heartbeatTimeout().plus(p.recoveryWait()).plusSeconds(10));
    }

    @Test
    @DisplayName("return to HAOS: demote of the standby, maintenance, then promote back to the primary")
    void returnToPrimary() {
        Estate home = Homes.runningHome(recorder);
        home.recoversOnPowerCycle(PRIMARY, false);
        home.kill(PRIMARY);
        home.advance(Duration.ofMinutes(5));
        home.repair(PRIMARY);
        home.advance(Duration.ofMinutes(1));
        home.operator(Homes.command(CommandVerb.DEMOTE, STANDBY));
        home.advance(Duration.ofMillis(200));
        assertThat(home.node(STANDBY).role()).isEqualTo(NodeRole.STANDBY);
        home.advance(Duration.ofMinutes(2));

        assertThat(home.actingLeaders()).containsExactly(PRIMARY);
        assertThat(home.node(PRIMARY).leadingAt()).contains(Epoch.of(3));
        String trace = recorder.trace.toString();
        assertThat(trace).as("the hand-back waits for the standby's acknowledgement, no fence needed")
                .contains("ha-standby acknowledged its demotion at epoch 2").doesNotContain("fence ha-standby");
        assertThat(trace.indexOf("acknowledged its demotion")).isLessThan(trace.indexOf("granted epoch 3"));
    }

    @Test
    @DisplayName("freeze period: failover blocked, then an emergency promote goes through")
    void freezeWithEmergencyPromote() {
        Estate home = Homes.runningHome(recorder);
        home.operator(Homes.command(CommandVerb.FREEZE, PRIMARY).withoutTarget());
        home.recoversOnPowerCycle(PRIMARY, false);
        home.kill(PRIMARY);
        home.advance(Duration.ofMinutes(10));
        assertThat(home.actingLeaders()).isEmpty();

        home.operator(Homes.command(CommandVerb.PROMOTE, STANDBY));
        home.advance(Duration.ofSeconds(5));

        assertThat(home.actingLeaders()).as("%s", recorder.trace).containsExactly(STANDBY);
        assertThat(recorder.lastGrant().frozenBefore()).isTrue();
        assertThat(recorder.trace.toString()).contains("overrides the freeze, not the fencing")
                .contains("fence haos-primary before granting ha-standby");
    }

    @Test
    @DisplayName("thaw after a frozen heartbeat loss resumes the failover")
    void thawResumesBlockedFailover() {
        Estate home = Homes.runningHome(recorder);
        home.operator(Homes.command(CommandVerb.FREEZE, PRIMARY).withoutTarget());
        home.recoversOnPowerCycle(PRIMARY, false);
        home.kill(PRIMARY);
        home.advance(Duration.ofMinutes(10));
        home.operator(Homes.command(CommandVerb.THAW, PRIMARY).withoutTarget());
        home.advance(Duration.ofMinutes(1));

        assertThat(home.actingLeaders()).containsExactly(STANDBY);
    }

    @Test
    @DisplayName("standby down too: alert, no promotion")
    void standbyDownToo() {
        Estate home = Homes.runningHome(recorder);
        home.recoversOnPowerCycle(PRIMARY, false);
        home.kill(STANDBY);
        home.kill(PRIMARY);
        home.advance(Duration.ofMinutes(10));

        assertThat(recorder.grants).hasSize(1);
        assertThat(recorder.alertCodes()).contains("standby_down");
    }

    @Test
    @DisplayName("PoE driver failure: a package primary that can be neither fenced nor asked is never replaced")
    void noPromotionWithoutFencingOfAHostWithoutLease() {
        ArbiterPolicy policy = ArbiterPolicy.custom(Homes.SERVICE, new Topology(PRIMARY, STANDBY,
                java.util.Map.of(PRIMARY, io.piha.api.leadership.ParticipantKind.PACKAGE))).build();
        Estate home = Homes.runningHome(policy, EstateSettings.ofDefaults(), recorder);
        home.recoversOnPowerCycle(PRIMARY, false);
        home.kill(PRIMARY);
        home.poeFailing(true);
        home.advance(Duration.ofMinutes(10));

        assertThat(recorder.grants).as("%s", recorder.trace).hasSize(1);
        assertThat(recorder.alertCodes()).contains("poe_failed", "fencing_impossible");
        assertThat(home.arbiterState().phase()).isInstanceOf(Phase.Blocked.class);
    }

    @Test
    @DisplayName("PoE driver failure: an agent primary's lease is waited out, then the standby is promoted")
    void anAgentThatCannotBeFencedIsWaitedOut() {
        Estate home = Homes.runningHome(recorder);
        home.recoversOnPowerCycle(PRIMARY, false);
        home.kill(PRIMARY);
        home.poeFailing(true);
        home.advance(Duration.ofMinutes(10));

        Recorder.Grant last = recorder.lastGrant();
        assertThat(last.holder()).as("%s", recorder.trace).isEqualTo(STANDBY);
        assertThat(last.why()).contains("lease ran out");
        ArbiterPolicy p = home.policy();
        assertThat(Duration.between(Homes.T0, last.at())).as("not before the primary's last renewal + lease + skew")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(30).plus(p.leaseWait()));
        assertThat(home.actingLeaders()).containsExactly(STANDBY);
    }

    @Test
    @DisplayName("PoE driver failure: with fencing by confirmed death, the standby is promoted")
    void confirmedDeathFencing() {
        ArbiterPolicy policy = ArbiterPolicy.custom(Homes.SERVICE, new Topology(PRIMARY, STANDBY))
                .fencing(FencingMode.CONFIRMED_DEAD).build();
        Estate home = Homes.runningHome(policy, EstateSettings.ofDefaults(), recorder);
        home.recoversOnPowerCycle(PRIMARY, false);
        home.kill(PRIMARY);
        home.poeFailing(true);
        home.advance(Duration.ofMinutes(10));

        assertThat(home.actingLeaders()).containsExactly(STANDBY);
        assertThat(recorder.lastGrant().why()).as("evidence, not time alone: %s", recorder.trace).contains("lease ran out");
    }

    @Test
    @DisplayName("anti-flap: a second automatic failover within the interval is blocked")
    void antiFlap() {
        Estate home = Homes.runningHome(recorder);
        home.recoversOnPowerCycle(PRIMARY, false);
        home.kill(PRIMARY);
        home.advance(Duration.ofMinutes(4));
        home.repair(PRIMARY);
        home.operator(Homes.command(CommandVerb.PROMOTE, PRIMARY));
        home.advance(Duration.ofMinutes(1));
        assertThat(home.actingLeaders()).as("%s", recorder.trace).containsExactly(PRIMARY);

        home.recoversOnPowerCycle(PRIMARY, false);
        home.kill(PRIMARY);
        home.advance(Duration.ofMinutes(5));

        assertThat(home.actingLeaders()).as("%s", recorder.trace).isEmpty();
        assertThat(home.arbiterState().phase()).isInstanceOfSatisfying(Phase.Blocked.class,
                b -> assertThat(b.reason()).startsWith("anti-flap"));
        home.advance(Duration.ofMinutes(15));
        assertThat(home.actingLeaders()).containsExactly(STANDBY);
    }

    @Test
    @DisplayName("control-plane restart mid-failover starts the verification again, never promotes by itself")
    void controlPlaneRestartMidFailover() {
        Estate home = Homes.runningHome(recorder);
        home.recoversOnPowerCycle(PRIMARY, false);
        home.kill(PRIMARY);
        home.advance(Duration.ofSeconds(120));
        home.restartArbiter();
        home.advance(Duration.ofSeconds(80));

        assertThat(recorder.grants).as("restart did not grant").hasSize(1);
        home.advance(Duration.ofMinutes(5));
        assertThat(home.actingLeaders()).containsExactly(STANDBY);
    }
}
