package io.piha.examples.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.FencingToken;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.Lease;
import io.piha.api.leadership.RoleActuator;
import io.piha.api.leadership.ServiceName;
import io.piha.core.node.NodePolicy;
import io.piha.runtime.Agent;
import io.piha.testkit.ManualClock;
import io.piha.testkit.bus.InMemoryLeadershipBus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GatedGarageDoorTest {

    private static final ServiceName HA = ServiceName.HOME_ASSISTANT;
    private static final HostId ME = HostId.of("haos-standby");
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-03T08:00:00Z"));
    private final List<FencingToken> opened = new CopyOnWriteArrayList<>();
    /** The epoch at which this host holds the lease the control plane renews (0: it holds none). */
    private final AtomicLong myLease = new AtomicLong();

    @Test
    void theDoorOpensOnlyWhileThisHostLeadsAtTheNewestEpoch() throws Exception {
        try (InMemoryLeadershipBus bus = new InMemoryLeadershipBus();
             Agent agent = new Agent(NodePolicy.ofDefaults(HA, ME), bus, RoleActuator.NONE, e -> { }, clock,
                     Duration.ofSeconds(30)).start()) {
            // the control plane's part: each heartbeat of the leaseholder is answered with a renewal naming it
            bus.subscribe(HA, m -> renewLease(bus, m));
            GatedGarageDoor door = new GatedGarageDoor(agent.gate(), opened::add);
            assertThat(door.open()).startsWith("not opened:");

            myLease.set(1);
            bus.publish(promote(ME, 1));
            waitUntil(() -> agent.gate().check() instanceof io.piha.api.leadership.GateDecision.Leading);
            assertThat(door.open()).isEqualTo("opened by haos-standby at epoch 1");

            myLease.set(0);
            bus.publish(promote(HostId.of("haos-primary"), 2));
            waitUntil(() -> !agent.state().isCurrentLeader());
            assertThat(door.open()).startsWith("not opened:");
            assertThat(opened).extracting(FencingToken::epoch).containsExactly(Epoch.of(1));
        }
    }

    private void renewLease(InMemoryLeadershipBus bus, LeadershipMessage m) {
        long epoch = myLease.get();
        if (epoch > 0 && m instanceof LeadershipMessage.HeartbeatPublished hb && hb.heartbeat().host().equals(ME)
                && hb.heartbeat().id().isPresent()) {
            bus.publish(new LeadershipMessage.LeaseGranted(HA, Lease.renewal(ME, Epoch.of(epoch), clock.instant(),
                    Duration.ofMinutes(3), hb.heartbeat().id().get())));
        }
    }

    private LeadershipMessage promote(HostId target, long epoch) {
        return new LeadershipMessage.CommandIssued(HA, Command.envelope(CommandVerb.PROMOTE, "nas-" + epoch)
                .target(target).epoch(Epoch.of(epoch)).actor("nas")
                .validBetween(clock.instant(), clock.instant().plusSeconds(60)).build());
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
