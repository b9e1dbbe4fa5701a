package io.piha.cli.simulate;

import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import io.piha.core.arbiter.ArbiterPolicy;
import io.piha.core.arbiter.Phase;
import io.piha.core.arbiter.Topology;
import io.piha.core.node.NodeRole;
import io.piha.core.simulation.Estate;
import io.piha.core.simulation.EstateSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The four operational flows of the NAS control-plane seed, played on the real state machines in a simulated
 * home, each with the checks that say whether it behaved.
 */
final class SeedFlows {

    static final HostId PRIMARY = HostId.of("haos-primary");
    static final HostId STANDBY = HostId.of("haos-standby");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final Timeline timeline;
    private final EstateSettings settings;
    private final List<String> failures = new ArrayList<>();
    private Estate home;
    private int commands;

    SeedFlows(Timeline timeline, EstateSettings settings) {
        this.timeline = timeline;
        this.settings = settings;
    }

    List<String> failures() {
        return failures;
    }

    void playAll() {
        ArbiterPolicy policy = ArbiterPolicy.ofDefaults(ServiceName.HOME_ASSISTANT, new Topology(PRIMARY, STANDBY));
        home = new Estate(policy, settings, START).observe(timeline);
        normalOperation();
        heartbeatFailure();
        returnToPrimary();
        freezePeriod();
    }

    private void normalOperation() {
        timeline.startFlow("1. Normal operation: the operator promotes the primary, which heartbeats every 30 s", home.now());
        home.operator(operatorCommand(CommandVerb.PROMOTE, PRIMARY));
        home.advance(Duration.ofMinutes(10));
        expect(home.actingLeaders().equals(List.of(PRIMARY)), "primary leads after 10 minutes");
        expect(home.node(STANDBY).role() == NodeRole.STANDBY, "standby stays passive");
    }

    private void heartbeatFailure() {
        timeline.startFlow("2. Heartbeat failure: the primary's SD card dies; PoE reset does not help", home.now());
        Instant killed = home.now();
        home.recoversOnPowerCycle(PRIMARY, false);
        home.kill(PRIMARY);
        home.advance(Duration.ofMinutes(4));
        expect(home.actingLeaders().equals(List.of(STANDBY)), "standby leads after the failover");
        expect(home.node(STANDBY).leadingAt().isPresent(), "standby holds an epoch");
        home.advance(Duration.ofMinutes(1));
        Duration took = Duration.between(killed, home.arbiterState().watchSince());
        expect(took.compareTo(Duration.ofSeconds(180)) < 0, "failover within 90 s + power-cycle + 60 s (took " + took.toSeconds() + " s)");
    }

    private void returnToPrimary() {
        timeline.startFlow("3. Return to HAOS: the primary is repaired; the operator demotes the standby", home.now());
        home.repair(PRIMARY);
        home.advance(Duration.ofMinutes(1));
        expect(home.node(PRIMARY).role() != NodeRole.LEADER, "the repaired primary does not reclaim leadership by itself");
        home.operator(operatorCommand(CommandVerb.DEMOTE, STANDBY));
        home.advance(Duration.ofMinutes(2));
        expect(home.actingLeaders().equals(List.of(PRIMARY)), "primary leads again after maintenance");
    }

    private void freezePeriod() {
        timeline.startFlow("4. Freeze period: a risky week; the primary dies; then an emergency promote", home.now());
        home.operator(operatorCommand(CommandVerb.FREEZE, PRIMARY).withoutTarget());
        home.advance(Duration.ofSeconds(1));
        home.recoversOnPowerCycle(PRIMARY, false);
        home.kill(PRIMARY);
        home.advance(Duration.ofMinutes(5));
        expect(home.actingLeaders().isEmpty(), "no automatic promotion while frozen");
        expect(home.arbiterState().phase() instanceof Phase.Blocked, "the control plane reports the failover as blocked");
        home.operator(operatorCommand(CommandVerb.PROMOTE, STANDBY));
        home.advance(Duration.ofSeconds(10));
        expect(home.actingLeaders().equals(List.of(STANDBY)), "the emergency promote goes through the freeze");
    }

    /** An operator's command; ids are unique, as the CLI makes them (a repeated id is a redelivery, decided once). */
    private Command operatorCommand(CommandVerb verb, HostId target) {
        return Command.envelope(verb, "operator-" + verb.wire() + "-" + (++commands)).target(target).actor("operator")
                .build();
    }

    private void expect(boolean ok, String what) {
        timeline.check(ok, what);
        if (!ok) {
            failures.add(what);
        }
    }
}
