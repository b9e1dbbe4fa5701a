package io.piha.core.arbiter;

import static io.piha.core.Homes.PRIMARY;
import static io.piha.core.Homes.STANDBY;
import static io.piha.core.Homes.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.health.ProbeResult;
import io.piha.api.leadership.Availability;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.core.Decision;
import io.piha.core.Homes;
import io.piha.core.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArbiterMachineTest {

    private final ArbiterMachine machine = new ArbiterMachine(Homes.policy());

    /** The arbiter after the primary (a v1 host: no epoch) heartbeated once at T0. */
    private ArbiterState watchingPrimary() {
        return decide(ArbiterState.startingUp(T0), new ArbiterInput.HeartbeatObserved(Heartbeat.of(PRIMARY, T0)), T0).state();
    }

    private Decision<ArbiterState, ArbiterEffect> decide(ArbiterState s, ArbiterInput in, Instant now) {
        return machine.decide(s, in, now);
    }

    private static void assertRejected(Decision<ArbiterState, ArbiterEffect> d, ArbiterState before, String reasonPart) {
        assertThat(d.verdict()).isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reason()).contains(reasonPart));
        assertThat(d.state()).isSameAs(before);
        assertThat(d.effectsOf(ArbiterEffect.Audit.class)).hasSize(1);
        assertThat(d.effects()).allSatisfy(e -> assertThat(e instanceof ArbiterEffect.Audit
                || e instanceof ArbiterEffect.Publish p && p.message() instanceof LeadershipMessage.EventRecorded ev
                && ev.event().event().equals("rejected")).as("only the audit and a refusal event: " + e).isTrue());
    }

    @Test
    void aRefusedOperatorCommandIsAnsweredWithAnEventCarryingItsId() {
        ArbiterState s = watchingPrimary();
        Command c = Command.envelope(CommandVerb.PROMOTE, "op-7").target(PRIMARY).build();

        Decision<ArbiterState, ArbiterEffect> d = decide(s, new ArbiterInput.CommandObserved(c), T0);

        assertThat(d.effectsOf(ArbiterEffect.Publish.class)).singleElement().satisfies(p -> assertThat(p.message())
                .isInstanceOfSatisfying(LeadershipMessage.EventRecorded.class, ev -> {
                    assertThat(ev.event().commandId()).contains("op-7");
                    assertThat(ev.event().reason()).hasValueSatisfying(r -> assertThat(r).contains("already leads"));
                }));
    }

    @Test
    void aV1PrimaryIsRecognisedAsLeaderAndLeasedTheFirstEpoch() {
        Decision<ArbiterState, ArbiterEffect> d = decide(ArbiterState.startingUp(T0),
                new ArbiterInput.HeartbeatObserved(Heartbeat.of(PRIMARY, T0)), T0);

        assertThat(d.state().leader()).contains(PRIMARY);
        assertThat(d.state().epoch()).isEqualTo(Epoch.of(1));
        assertThat(d.effectsOf(ArbiterEffect.Publish.class)).singleElement()
                .satisfies(p -> assertThat(p.message()).isInstanceOf(LeadershipMessage.LeaseGranted.class));
    }

    @Test
    void silenceBeyondTheTimeoutTriggersAProbeNotAPromotion() {
        ArbiterState s = watchingPrimary();
        assertThat(machine.nextWakeUp(s)).contains(T0.plusSeconds(90));

        assertThat(decide(s, new ArbiterInput.Tick(), T0.plusSeconds(89)).effects()).isEmpty();
        Decision<ArbiterState, ArbiterEffect> d = decide(s, new ArbiterInput.Tick(), T0.plusSeconds(90));

        assertThat(d.state().phase()).isInstanceOf(Phase.Verifying.class);
        assertThat(d.effects()).first().isEqualTo(new ArbiterEffect.Probe(PRIMARY));
        assertThat(d.effectsOf(ArbiterEffect.RaiseAlert.class)).extracting(a -> a.alert().code()).containsExactly("heartbeat_missed");
    }

    @Test
    void aHostThatAnswersItsProbeIsNotFailedOverWhenOnlyItsHeartbeatIsMissing() {
        ArbiterState verifying = decide(watchingPrimary(), new ArbiterInput.Tick(), T0.plusSeconds(90)).state();
        Instant t = T0.plusSeconds(91);

        Decision<ArbiterState, ArbiterEffect> d = decide(verifying,
                new ArbiterInput.ProbeReported(PRIMARY, new ProbeResult.Up(t, Duration.ofMillis(20), "HTTP 401")), t);

        assertThat(d.state().phase()).isInstanceOf(Phase.Watching.class);
        assertThat(d.effectsOf(ArbiterEffect.Power.class)).isEmpty();
        assertThat(d.effectsOf(ArbiterEffect.RaiseAlert.class)).extracting(a -> a.alert().code())
                .containsExactly("heartbeat_missing_host_up");
    }

    @Test
    void theLastWillIsASuspicionVerifiedByAProbe() {
        Decision<ArbiterState, ArbiterEffect> d = decide(watchingPrimary(),
                new ArbiterInput.AvailabilityObserved(PRIMARY, Availability.OFFLINE), T0.plusSeconds(95));

        assertThat(d.state().phase()).isInstanceOf(Phase.Verifying.class);
        assertThat(d.effectsOf(ArbiterEffect.Publish.class))
                .noneMatch(p -> p.message() instanceof LeadershipMessage.LeaseGranted);
    }

    @Test
    void atStartARetainedHeartbeatOlderThanTheTimeoutIsAMissingLeaderNotSilence() {
        ArbiterState s = ArbiterState.startingUp(T0);
        Heartbeat retained = Heartbeat.of(PRIMARY, T0.minusSeconds(600));

        Decision<ArbiterState, ArbiterEffect> d = decide(s, new ArbiterInput.HeartbeatObserved(retained), T0);

        assertThat(d.state().phase()).isInstanceOfSatisfying(Phase.Verifying.class,
                v -> assertThat(v.trigger()).contains("stale heartbeat"));
        assertThat(d.effects()).first().isEqualTo(new ArbiterEffect.Probe(PRIMARY));
        assertThat(d.state().epoch()).as("no grant for a suspect").isEqualTo(Epoch.ZERO);
    }

    @Test
    void aStaleHeartbeatChangesNothingWhileALeaderIsKnown() {
        ArbiterState s = watchingPrimary();
        Decision<ArbiterState, ArbiterEffect> d = decide(s, new ArbiterInput.HeartbeatObserved(
                Heartbeat.of(PRIMARY, T0.minusSeconds(600))), T0.plusSeconds(1));
        assertThat(d.state().phase()).isInstanceOf(Phase.Watching.class);
        assertThat(d.state().lastHeartbeat()).isEqualTo(s.lastHeartbeat());
    }

    @Test
    void aHeartbeatStampedByAClockFarAheadIsTakenAndTheOffsetReported() {
        ArbiterState s = watchingPrimary();
        Heartbeat ahead = Heartbeat.of(PRIMARY, T0.plusSeconds(3600));

        Decision<ArbiterState, ArbiterEffect> d = decide(s, new ArbiterInput.HeartbeatObserved(ahead), T0.plusSeconds(30));

        assertThat(d.state().lastHeartbeat()).as("liveness is the arrival time").contains(T0.plusSeconds(30));
        assertThat(d.state().host(PRIMARY).clockOffset()).contains(Duration.ofSeconds(3570));
        assertThat(d.effectsOf(ArbiterEffect.RaiseAlert.class)).extracting(a -> a.alert().code()).containsExactly("clock_skew");
    }

    @Test
    void aDuplicatedOrReorderedHeartbeatChangesNothing() {
        ArbiterState s = decide(watchingPrimary(), new ArbiterInput.HeartbeatObserved(Heartbeat.of(PRIMARY, T0.plusSeconds(30))),
                T0.plusSeconds(30)).state();
        for (Heartbeat again : java.util.List.of(Heartbeat.of(PRIMARY, T0.plusSeconds(30)), Heartbeat.of(PRIMARY, T0))) {
            Decision<ArbiterState, ArbiterEffect> d = decide(s, new ArbiterInput.HeartbeatObserved(again), T0.plusSeconds(31));
            assertThat(d.state()).isSameAs(s);
            assertThat(d.effects()).isEmpty();
        }
    }

    @Test
    void aPromoteForAnUnknownHostIsRefused() {
        ArbiterState s = watchingPrimary();
        Command c = Command.envelope(CommandVerb.PROMOTE, "x").target(HostId.of("toaster")).build();
        assertRejected(decide(s, new ArbiterInput.CommandObserved(c), T0), s, "unknown host toaster");
    }

    @Test
    void aDemoteOfANonLeaderIsRefused() {
        ArbiterState s = watchingPrimary();
        Command c = Command.envelope(CommandVerb.DEMOTE, "x").target(STANDBY).build();
        assertRejected(decide(s, new ArbiterInput.CommandObserved(c), T0), s, "not the leader");
    }

    @Test
    void aCommandGrantingAnEpochThisArbiterNeverIssuedIsRefused() {
        ArbiterState s = watchingPrimary();
        Command forged = Command.envelope(CommandVerb.PROMOTE, "x").target(STANDBY).epoch(Epoch.of(99)).build();
        assertRejected(decide(s, new ArbiterInput.CommandObserved(forged), T0), s, "did not issue");
    }

    @Test
    void anUnexpectedProbeReportIsRefused() {
        ArbiterState s = watchingPrimary();
        assertRejected(decide(s, new ArbiterInput.ProbeReported(STANDBY, new ProbeResult.Up(T0, Duration.ZERO, "ok")), T0),
                s, "no probe of ha-standby pending");
    }

    @Test
    void aHeartbeatFromAHostThatIsNotTheLeaseHolderIsToldToStopOnce() {
        ArbiterState s = watchingPrimary();
        Decision<ArbiterState, ArbiterEffect> d = decide(s, new ArbiterInput.HeartbeatObserved(
                Heartbeat.of(STANDBY, T0, Epoch.of(1))), T0);

        assertThat(d.effectsOf(ArbiterEffect.Publish.class)).singleElement().satisfies(p -> assertThat(p.message())
                .isInstanceOfSatisfying(LeadershipMessage.CommandIssued.class, c -> {
                    assertThat(c.command().verb()).isEqualTo(CommandVerb.DEMOTE);
                    assertThat(c.command().target()).contains(STANDBY);
                }));
        assertThat(d.effectsOf(ArbiterEffect.RaiseAlert.class)).extracting(a -> a.alert().code()).containsExactly("split_brain");
        Decision<ArbiterState, ArbiterEffect> again = decide(d.state(), new ArbiterInput.HeartbeatObserved(
                Heartbeat.of(STANDBY, T0.plusSeconds(30), Epoch.of(1))), T0.plusSeconds(30));
        assertThat(again.effectsOf(ArbiterEffect.RaiseAlert.class)).as("not at every heartbeat").isEmpty();
        assertThat(again.effectsOf(ArbiterEffect.Publish.class)).isEmpty();
    }

    @Test
    void aV1HostActingAsLeaderWithoutTheLeaseCannotBeDemotedSoTheAlertSaysSwitchItOff() {
        Decision<ArbiterState, ArbiterEffect> d = decide(watchingPrimary(), new ArbiterInput.HeartbeatObserved(
                Heartbeat.of(STANDBY, T0)), T0);

        assertThat(d.effectsOf(ArbiterEffect.Publish.class)).isEmpty();
        assertThat(d.effectsOf(ArbiterEffect.RaiseAlert.class)).singleElement().satisfies(a -> {
            assertThat(a.alert().code()).isEqualTo("split_brain");
            assertThat(a.alert().message()).contains("cannot be demoted");
        });
    }

    @Test
    void aRestartedArbiterRestartsItsWatchdogInsteadOfFailingOver() {
        ArbiterState before = watchingPrimary();
        Instant restart = T0.plusSeconds(85);
        ArbiterState resumed = ArbiterState.resume(before.leader(), before.epoch(), false, Optional.empty(), 0, restart);

        assertThat(machine.nextWakeUp(resumed)).contains(restart.plusSeconds(90));
        assertThat(decide(resumed, new ArbiterInput.Tick(), T0.plusSeconds(91)).effects()).isEmpty();
    }

    @Test
    void aFreezeThatArrivesDuringFencingStillBlocksTheGrant() {
        ArbiterState fencingWhileFrozen = ArbiterState.resume(Optional.of(PRIMARY), Epoch.of(1), true, Optional.empty(), 0,
                java.util.Map.of(), new Phase.Fencing(PRIMARY, new Grant(STANDBY, "heartbeat_timeout", true,
                        Optional.empty(), false), T0), T0);

        Decision<ArbiterState, ArbiterEffect> d = decide(fencingWhileFrozen,
                new ArbiterInput.PowerReported(PRIMARY, ArbiterEffect.PowerAction.OFF, true, "port 3 off"), T0.plusSeconds(1));

        assertThat(d.state().phase()).isInstanceOf(Phase.Blocked.class);
        assertThat(d.state().epoch()).isEqualTo(Epoch.of(1));
        assertThat(d.effectsOf(ArbiterEffect.RaiseAlert.class)).extracting(a -> a.alert().code()).containsExactly("promotion_blocked");
    }

    @Test
    void policyValidationNamesTheBadSetting() {
        assertThatThrownBy(() -> ArbiterPolicy.custom(Homes.SERVICE, new Topology(PRIMARY, STANDBY))
                .heartbeatTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heartbeatTimeout");
        assertThatThrownBy(() -> new Topology(PRIMARY, PRIMARY)).hasMessageContaining("must differ");
    }
}
