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
        assertThat(d.state().gate(SERVICE)).isInstanceOf(GateDecision.Leading.class);
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
    void expiredCommandIsRefused() {
        NodeState s = leaderAt(2);
        Command old = Command.envelope(CommandVerb.DEMOTE, "x").epoch(Epoch.of(2))
                .validBetween(T0.minusSeconds(120), T0.minusSeconds(60)).build();
        assertRejected(decide(s, new NodeInput.CommandReceived(old)), s, "expired");
    }

    @Test
    void inMaintenanceOnlyAPromoteAddressedToThisHostIsTaken() {
        NodeState s = decide(NodeState.startingUp(STANDBY), new NodeInput.StateObserved(Optional.of(LeaderState.MAINTENANCE))).state();
        assertThat(s.role()).isEqualTo(NodeRole.MAINTENANCE);
        Command broadcast = Command.envelope(CommandVerb.PROMOTE, "b").epoch(Epoch.of(2)).build();

        assertRejected(decide(s, new NodeInput.CommandReceived(broadcast)), s, "maintenance");
        assertThat(decide(s, new NodeInput.CommandReceived(promote(2))).state().role()).isEqualTo(NodeRole.LEADER);
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
        assertThat(d.state().gate(SERVICE)).isInstanceOf(GateDecision.NotLeading.class);
    }

    @Test
    void aLeaderThatSeesANewerEpochInAHeartbeatStopsAtOnce() {
        Heartbeat newer = Heartbeat.of(PRIMARY, Instant.parse("2026-11-22T08:00:01Z"), Epoch.of(7));
        assertThat(decide(leaderAt(2), new NodeInput.HeartbeatObserved(newer)).state().role()).isEqualTo(NodeRole.STANDBY);
    }

    @Test
    void gateRefusesATokenFromAnEarlierGrant() {
        NodeState s = leaderAt(2);
        NodeGate gate = new NodeGate(SERVICE, s);
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
