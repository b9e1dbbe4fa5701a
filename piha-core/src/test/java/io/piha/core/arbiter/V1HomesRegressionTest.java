package io.piha.core.arbiter;

import static io.piha.core.Homes.PRIMARY;
import static io.piha.core.Homes.SERVICE;
import static io.piha.core.Homes.STANDBY;
import static io.piha.core.Homes.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.LeadershipEvent;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.ParticipantKind;
import io.piha.core.Decision;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, what the end-to-end suite on Mosquitto ({@code piha-service: V1HomesOnMosquittoTest}) found, one case per
 * test, each of which failed before its fix.
 */
class V1HomesRegressionTest {

    private static final Instant T1 = T0.plusSeconds(1);

    @Test
    @DisplayName("a planned hand-back from a package host to a v1 host takes its demoted acknowledgement, no fence")
    void aPlannedHandBackFromAPackageHostToAV1HostTakesItsAcknowledgementWithoutFence() {
        ArbiterMachine machine = new ArbiterMachine(ArbiterPolicy.custom(SERVICE, new Topology(PRIMARY, STANDBY,
                Map.of(PRIMARY, ParticipantKind.PACKAGE, STANDBY, ParticipantKind.V1))).build());
        ArbiterState leading = machine.decide(ArbiterState.startingUp(T0), new ArbiterInput.HeartbeatObserved(
                Heartbeat.of(PRIMARY, T0, Epoch.of(3))), T0).state();
        Command demote = Command.envelope(CommandVerb.DEMOTE, "cli-1").target(PRIMARY).actor("operator").build();

        Decision<ArbiterState, ArbiterEffect> asked = machine.decide(leading, new ArbiterInput.CommandObserved(demote), T1);

        assertThat(asked.state().phase()).as("asked to step down, not fenced").isInstanceOf(Phase.Demoting.class);
        assertThat(asked.effectsOf(ArbiterEffect.Power.class)).isEmpty();
        String demoteId = ((Phase.Demoting) asked.state().phase()).demoteId();
        LeadershipEvent ack = LeadershipEvent.of(T1, LeadershipEvent.DEMOTED, PRIMARY.value()).withEpoch(Epoch.of(3))
                .acknowledging(Optional.of(demoteId));
        Decision<ArbiterState, ArbiterEffect> handedBack = machine.decide(asked.state(), new ArbiterInput.EventObserved(ack),
                T1.plusMillis(100));
        assertThat(handedBack.state().phase()).isInstanceOf(Phase.HandingBack.class);
        assertThat(handedBack.effectsOf(ArbiterEffect.Power.class)).isEmpty();
        Decision<ArbiterState, ArbiterEffect> granted = machine.decide(handedBack.state(), new ArbiterInput.ProbeReported(
                STANDBY, new io.piha.api.health.ProbeResult.Up(T1, java.time.Duration.ofMillis(5), "401")), T1.plusMillis(200));
        assertThat(granted.state().leader()).contains(STANDBY);
        assertThat(granted.effectsOf(ArbiterEffect.Publish.class).stream().map(p -> p.message().getClass().getSimpleName()))
                .as("lease first, then the state cleared, then the plain promote the v1 host understands")
                .containsSubsequence("LeaseGranted", "StateChanged", "CommandIssued");
        assertThat(granted.effectsOf(ArbiterEffect.Publish.class)).anySatisfy(p -> assertThat(p.message())
                .isEqualTo(new LeadershipMessage.CommandIssued(SERVICE, Command.plain(CommandVerb.PROMOTE))));
    }

    @Test
    @DisplayName("a hung v1 primary revived by its power-cycle boots as a standby: it is fenced and the standby promoted")
    void aV1PrimaryRevivedByItsPowerCycleIsReplacedNotLeftLeaderlessWithWarnings() {
        ArbiterMachine machine = new ArbiterMachine(io.piha.core.Homes.policy());
        ArbiterPolicy policy = machine.policy();
        ArbiterState s = machine.decide(ArbiterState.startingUp(T0), new ArbiterInput.HeartbeatObserved(
                Heartbeat.of(PRIMARY, T0)), T0).state();
        Instant silent = T0.plus(policy.heartbeatTimeout());
        s = machine.decide(s, new ArbiterInput.Tick(), silent).state();
        s = machine.decide(s, new ArbiterInput.ProbeReported(PRIMARY, new io.piha.api.health.ProbeResult.Unreachable(
                silent, java.time.Duration.ofSeconds(1), "hung")), silent).state();
        s = machine.decide(s, new ArbiterInput.PowerReported(PRIMARY, ArbiterEffect.PowerAction.CYCLE, true, "cycled"),
                silent.plusSeconds(5)).state();
        Instant waited = silent.plusSeconds(5).plus(policy.recoveryWait());
        s = machine.decide(s, new ArbiterInput.Tick(), waited).state();
        assertThat(s.phase()).isInstanceOf(Phase.ConfirmingDeath.class);

        Decision<ArbiterState, ArbiterEffect> up = machine.decide(s, new ArbiterInput.ProbeReported(PRIMARY,
                new io.piha.api.health.ProbeResult.Up(waited, java.time.Duration.ofMillis(5), "supervisor ok")), waited);

        assertThat(up.state().phase()).as("the standby is checked: the revived v1 primary leads nobody")
                .isInstanceOf(Phase.CheckingCandidate.class);
        assertThat(up.effectsOf(ArbiterEffect.RaiseAlert.class)).isEmpty();
        Decision<ArbiterState, ArbiterEffect> standbyUp = machine.decide(up.state(), new ArbiterInput.ProbeReported(
                STANDBY, new io.piha.api.health.ProbeResult.Up(waited, java.time.Duration.ofMillis(5), "401")), waited);
        assertThat(standbyUp.state().phase()).as("fenced first: it would take the plain promote too")
                .isInstanceOf(Phase.Fencing.class);
        assertThat(standbyUp.effectsOf(ArbiterEffect.Power.class)).singleElement()
                .satisfies(p -> assertThat(p.host()).isEqualTo(PRIMARY));
    }

    @Test
    @DisplayName("the plain freeze and thaw the arbiter forwards to v1 hosts, heard back, are not refused as an operator's")
    void aForwardedPlainVerbHeardBackRaisesNoRejectedEvent() {
        ArbiterMachine machine = new ArbiterMachine(io.piha.core.Homes.policy());
        ArbiterState s = machine.decide(ArbiterState.startingUp(T0), new ArbiterInput.HeartbeatObserved(
                Heartbeat.of(PRIMARY, T0)), T0).state();

        for (CommandVerb verb : java.util.List.of(CommandVerb.FREEZE, CommandVerb.THAW)) {
            Decision<ArbiterState, ArbiterEffect> sent = machine.decide(s, new ArbiterInput.CommandObserved(
                    Command.envelope(verb, "cli-" + verb.wire()).actor("operator").build()), T1);
            assertThat(sent.effectsOf(ArbiterEffect.Publish.class)).as("forwarded to the v1 hosts").anySatisfy(p ->
                    assertThat(p.message()).isEqualTo(new LeadershipMessage.CommandIssued(SERVICE, Command.plain(verb))));

            Decision<ArbiterState, ArbiterEffect> echo = machine.decide(sent.state(), new ArbiterInput.CommandObserved(
                    Command.plain(verb)), T1.plusMillis(50));

            assertThat(echo.effectsOf(ArbiterEffect.Publish.class)).as("no rejected event for its own %s", verb).isEmpty();
            assertThat(echo.state().frozen()).isEqualTo(verb == CommandVerb.FREEZE);
            s = echo.state();
        }
    }
}
