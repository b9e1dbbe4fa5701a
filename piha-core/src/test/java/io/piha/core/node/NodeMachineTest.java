package io.piha.core.node;

import static io.piha.core.Homes.PRIMARY;
import static io.piha.core.Homes.SERVICE;
import static io.piha.core.Homes.STANDBY;
import static io.piha.core.Homes.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.audit.AuditEntry;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.GateDecision;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.Lease;
import io.piha.core.Decision;
import io.piha.core.Verdict;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeMachineTest {

    private final NodeMachine machine = new NodeMachine(NodePolicy.ofDefaults(SERVICE, STANDBY));

    private static Command promote(long epoch) {
        return Command.envelope(CommandVerb.PROMOTE, "c-" + epoch).target(STANDBY).epoch(Epoch.of(epoch)).build();
    }

    private Decision<NodeState, NodeEffect> decide(NodeState s, NodeInput in) {
        return machine.decide(s, in, T0);
    }

    private NodeState leaderAt(long epoch) {
        return decide(NodeState.startingUp(STANDBY), new NodeInput.CommandReceived(promote(epoch))).state();
    }

    /** A leader whose first heartbeat (sent at T0) the arbiter answered with a lease valid 90 s. */
    private NodeState actingAt(long epoch) {
        Decision<NodeState, NodeEffect> hb = decide(leaderAt(epoch), new NodeInput.HeartbeatDue());
        String id = hb.effectsOf(NodeEffect.PublishHeartbeat.class).get(0).heartbeat().id().orElseThrow();
        return decide(hb.state(), new NodeInput.LeaseObserved(Lease.renewal(STANDBY, Epoch.of(epoch), T0, LEASE, id))).state();
    }

    private static final java.time.Duration LEASE = java.time.Duration.ofSeconds(90);

    private static void assertRejected(Decision<NodeState, NodeEffect> d, NodeState before, String reasonPart) {
        assertThat(d.verdict()).isInstanceOfSatisfying(Verdict.Rejected.class,
                r -> assertThat(r.reason()).contains(reasonPart));
        assertThat(d.state()).isSameAs(before);
        assertThat(d.effectsOf(NodeEffect.Audit.class)).singleElement()
                .satisfies(a -> assertThat(a.entry().outcome()).isEqualTo(AuditEntry.Outcome.REFUSED));
    }

    @Test
    void grantedPromoteMakesTheStandbyLeaderAndAcknowledgesTheCommand() {
        Decision<NodeState, NodeEffect> d = decide(NodeState.startingUp(STANDBY), new NodeInput.CommandReceived(promote(3)));

        assertThat(d.state().leadingAt()).contains(Epoch.of(3));
        assertThat(d.effects()).first().isEqualTo(new NodeEffect.TakeLeadership(Epoch.of(3)));
        assertThat(d.effectsOf(NodeEffect.PublishState.class)).containsExactly(new NodeEffect.PublishState(LeaderState.LEADER));
        assertThat(d.effectsOf(NodeEffect.PublishEvent.class)).singleElement()
                .satisfies(e -> assertThat(e.event().commandId()).contains("c-3"));
        assertThat(d.state().gate(SERVICE, T0)).as("it leads, but acts only once its lease is renewed")
                .isInstanceOfSatisfying(GateDecision.NotLeading.class, n -> assertThat(n.reason()).contains("no valid lease"));
        assertThat(d.effectsOf(NodeEffect.Activate.class)).isEmpty();
    }

    @Test
    void aLeaderActsOnlyWhileTheArbitersRenewalOfItsHeartbeatIsValid() {
        Decision<NodeState, NodeEffect> hb = decide(leaderAt(3), new NodeInput.HeartbeatDue());
        var sent = hb.effectsOf(NodeEffect.PublishHeartbeat.class).get(0).heartbeat();
        assertThat(sent.epoch()).contains(Epoch.of(3));
        assertThat(sent.id()).hasValueSatisfying(id -> assertThat(id).startsWith("ha-standby-"));

        Decision<NodeState, NodeEffect> renewed = machine.decide(hb.state(), new NodeInput.LeaseObserved(
                Lease.renewal(STANDBY, Epoch.of(3), T0, LEASE, sent.id().get())), T0.plusSeconds(2));

        assertThat(renewed.effectsOf(NodeEffect.Activate.class)).containsExactly(new NodeEffect.Activate(Epoch.of(3)));
        assertThat(renewed.state().gate(SERVICE, T0.plusSeconds(89))).isInstanceOf(GateDecision.Leading.class);
        assertThat(renewed.state().gate(SERVICE, T0.plusSeconds(90))).as("the lifetime counts from the heartbeat's sending")
                .isInstanceOf(GateDecision.NotLeading.class);
        assertThat(machine.nextWakeUp(renewed.state())).contains(T0.plusSeconds(90));
        Decision<NodeState, NodeEffect> expired = machine.decide(renewed.state(), new NodeInput.Tick(), T0.plusSeconds(90));
        assertThat(expired.effects()).first().isInstanceOf(NodeEffect.Suspend.class);
        assertThat(expired.state().role()).as("still leads and heartbeats, so a renewal can bring it back")
                .isEqualTo(NodeRole.LEADER);
        assertThat(expired.state().active()).isFalse();
    }

    @Test
    void aRenewalDelayedOnTheWayNeverExtendsTheLeaseBeyondItsHeartbeat() {
        Decision<NodeState, NodeEffect> hb = decide(leaderAt(3), new NodeInput.HeartbeatDue());
        String id = hb.effectsOf(NodeEffect.PublishHeartbeat.class).get(0).heartbeat().id().orElseThrow();

        Decision<NodeState, NodeEffect> late = machine.decide(hb.state(), new NodeInput.LeaseObserved(
                Lease.renewal(STANDBY, Epoch.of(3), T0, LEASE, id)), T0.plusSeconds(100));

        assertRejected(late, hb.state(), "came after its lifetime");
    }

    @Test
    void aRenewalOfAHeartbeatThisRunNeverSentIsRefused() {
        NodeState s = leaderAt(3);
        Lease oldRun = Lease.renewal(STANDBY, Epoch.of(3), T0, LEASE, "ha-standby-earlier-run-7");
        assertRejected(decide(s, new NodeInput.LeaseObserved(oldRun)), s, "not one of the newest this run sent");
    }

    @Test
    void aRedeliveredCommandIdIsDecidedOnce() {
        NodeState s = leaderAt(5);
        Command demote = Command.envelope(CommandVerb.DEMOTE, "d-1").target(STANDBY).epoch(Epoch.of(5)).build();
        NodeState demoted = decide(s, new NodeInput.CommandReceived(demote)).state();
        NodeState promotedAgain = decide(demoted, new NodeInput.CommandReceived(promote(6))).state();

        assertRejected(decide(promotedAgain, new NodeInput.CommandReceived(demote)), promotedAgain, "already decided");
    }

    @Test
    void plainPromoteWithoutEpochWaitsForTheArbitersGrant() {
        NodeState s = NodeState.startingUp(STANDBY);
        assertRejected(decide(s, new NodeInput.CommandReceived(Command.plain(CommandVerb.PROMOTE))), s, "without epoch");
    }

    @Test
    void withoutAnArbiterAPlainPromoteTakesTheNextEpoch() {
        NodeMachine legacy = new NodeMachine(NodePolicy.custom(SERVICE, STANDBY).requireGrantedEpoch(false).build());
        NodeState s = NodeState.startingUp(STANDBY);
        s = legacy.decide(s, new NodeInput.LeaseObserved(new Lease(PRIMARY, Epoch.of(4), T0)), T0).state();

        Decision<NodeState, NodeEffect> d = legacy.decide(s, new NodeInput.CommandReceived(Command.plain(CommandVerb.PROMOTE)), T0);

        assertThat(d.state().leadingAt()).contains(Epoch.of(5));
        assertThat(d.effectsOf(NodeEffect.Activate.class)).as("no arbiter, no lease: it acts at once").hasSize(1);
        assertThat(d.state().gate(SERVICE, T0.plusSeconds(3600))).isInstanceOf(GateDecision.Leading.class);
    }

    @Test
    void staleEpochIsRefused() {
        NodeState s = leaderAt(5);
        assertRejected(decide(s, new NodeInput.CommandReceived(promote(4))), s, "stale epoch 4 < 5");
    }

    @Test
    void duplicatedPromoteIsRefusedAndChangesNothing() {
        NodeState s = leaderAt(5);
        assertRejected(decide(s, new NodeInput.CommandReceived(promote(5))), s, "duplicate");
    }

    @Test
    void promoteAddressedToAnotherHostIsRefused() {
        NodeState s = NodeState.startingUp(STANDBY);
        Command other = Command.envelope(CommandVerb.DEMOTE, "x").target(PRIMARY).build();
        assertRejected(decide(s, new NodeInput.CommandReceived(other)), s, "addressed to haos-primary");
    }

    @Test
    void aLeaderThatSeesAPromoteForAnotherHostAtANewerEpochStopsAtOnce() {
        Command other = Command.envelope(CommandVerb.PROMOTE, "x").target(PRIMARY).epoch(Epoch.of(3)).build();

        Decision<NodeState, NodeEffect> d = decide(leaderAt(2), new NodeInput.CommandReceived(other));

        assertThat(d.state().role()).isEqualTo(NodeRole.STANDBY);
        assertThat(d.state().highestEpoch()).isEqualTo(Epoch.of(3));
        assertThat(d.effects()).first().isInstanceOf(NodeEffect.ReleaseLeadership.class);
    }

    @Test
    void aCommandIsNeverRefusedBecauseItsTimesDisagreeWithThisNodesClock() {
        NodeState s = leaderAt(2);
        Command stampedByALaggingClock = Command.envelope(CommandVerb.DEMOTE, "x").epoch(Epoch.of(2))
                .validBetween(T0.minusSeconds(120), T0.minusSeconds(60)).build();

        assertThat(decide(s, new NodeInput.CommandReceived(stampedByALaggingClock)).state().role())
                .as("order comes from epochs and ids, not from comparing clocks").isEqualTo(NodeRole.STANDBY);
    }

    @Test
    void inMaintenanceOnlyAPromoteAddressedToThisHostIsTaken() {
        NodeState s = decide(NodeState.startingUp(STANDBY), new NodeInput.StateObserved(Optional.of(LeaderState.MAINTENANCE))).state();
        assertThat(s.role()).isEqualTo(NodeRole.MAINTENANCE);
        Command broadcast = Command.envelope(CommandVerb.PROMOTE, "b").epoch(Epoch.of(2)).build();

        Decision<NodeState, NodeEffect> refused = decide(s, new NodeInput.CommandReceived(broadcast));
        assertThat(refused.state().role()).as("not taken").isEqualTo(NodeRole.MAINTENANCE);
        assertThat(refused.effectsOf(NodeEffect.TakeLeadership.class)).isEmpty();
        assertThat(refused.state().highestEpoch()).as("but its epoch is remembered").isEqualTo(Epoch.of(2));

        assertThat(decide(refused.state(), new NodeInput.CommandReceived(promote(3))).state().role()).isEqualTo(NodeRole.LEADER);
    }

    @Test
    void aRefusedCommandStillTeachesItsEpochSoADelayedOlderPromoteCannotWin() {
        NodeState s = NodeState.startingUp(STANDBY);
        Command demoteAt4 = Command.envelope(CommandVerb.DEMOTE, "d").target(STANDBY).epoch(Epoch.of(4)).build();

        NodeState learned = decide(s, new NodeInput.CommandReceived(demoteAt4)).state();

        assertThat(learned.highestEpoch()).isEqualTo(Epoch.of(4));
        assertRejected(decide(learned, new NodeInput.CommandReceived(promote(3))), learned, "stale epoch 3 < 4");
    }

    @Test
    void demoteOfANonLeaderIsRefused() {
        NodeState s = NodeState.startingUp(STANDBY);
        assertRejected(decide(s, new NodeInput.CommandReceived(Command.plain(CommandVerb.DEMOTE))), s, "not leader");
    }

    @Test
    void demoteStopsServingAndPublishesStandby() {
        Decision<NodeState, NodeEffect> d = decide(leaderAt(2), new NodeInput.CommandReceived(Command.plain(CommandVerb.DEMOTE)));

        assertThat(d.state().role()).isEqualTo(NodeRole.STANDBY);
        assertThat(d.effects()).first().isInstanceOf(NodeEffect.ReleaseLeadership.class);
        assertThat(d.effectsOf(NodeEffect.PublishState.class)).containsExactly(new NodeEffect.PublishState(LeaderState.STANDBY));
    }

    @Test
    void aLeaderThatSeesANewerLeaseForAnotherHostStopsAtOnce() {
        Decision<NodeState, NodeEffect> d = decide(leaderAt(2), new NodeInput.LeaseObserved(new Lease(PRIMARY, Epoch.of(3), T0)));

        assertThat(d.state().role()).isEqualTo(NodeRole.STANDBY);
        assertThat(d.effects()).first().isInstanceOfSatisfying(NodeEffect.ReleaseLeadership.class,
                r -> assertThat(r.reason()).contains("fenced by epoch 3"));
        assertThat(d.state().gate(SERVICE, T0)).isInstanceOf(GateDecision.NotLeading.class);
    }

    @Test
    void aLeaderThatSeesANewerEpochInAHeartbeatStopsAtOnce() {
        Heartbeat newer = Heartbeat.of(PRIMARY, Instant.parse("2026-11-22T08:00:01Z"), Epoch.of(7));
        assertThat(decide(leaderAt(2), new NodeInput.HeartbeatObserved(newer)).state().role()).isEqualTo(NodeRole.STANDBY);
    }

    @Test
    void gateRefusesATokenFromAnEarlierGrant() {
        NodeState s = actingAt(2);
        NodeGate gate = new NodeGate(SERVICE, s, () -> T0.plusSeconds(1));
        var token = ((GateDecision.Leading) gate.check()).token();

        gate.update(decide(s, new NodeInput.LeaseObserved(new Lease(PRIMARY, Epoch.of(3), T0))).state());

        assertThat(gate.isCurrent(token)).isFalse();
        assertThat(gate.check().mayAct()).isFalse();
    }

    @Test
    void freezeTwiceIsADuplicate() {
        NodeState frozen = decide(NodeState.startingUp(STANDBY), new NodeInput.CommandReceived(Command.plain(CommandVerb.FREEZE))).state();
        assertThat(frozen.frozen()).isTrue();
        assertRejected(decide(frozen, new NodeInput.CommandReceived(Command.plain(CommandVerb.FREEZE))), frozen, "already frozen");
    }
}
