package io.piha.service.e2e;

import static io.piha.api.leadership.ParticipantKind.AGENT;
import static io.piha.api.leadership.ParticipantKind.PACKAGE;
import static io.piha.api.leadership.ParticipantKind.V1;
import static io.piha.service.e2e.Home.PRIMARY;
import static io.piha.service.e2e.Home.PRIMARY_PORT;
import static io.piha.service.e2e.Home.STANDBY;
import static io.piha.service.e2e.Home.STANDBY_PORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.ParticipantKind;
import io.piha.poe.safety.RecoveryOutcome;
import io.piha.testkit.mqtt.Mosquitto;
import io.piha.testkit.poe.SimulatedPoeSwitch;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, end to end: homes running the v1 automations today, and homes migrating host by host, on Debian's
 * Mosquitto, with the real control plane built from YAML, a real SNMP switch whose ports power the hosts, real HTTP
 * probes, and the real agent where a host runs one. The Home Assistant hosts publish only what their automations
 * publish ({@code SimulatedHomeAssistant}: v1 or the package). Timings are the contract's divided by 30.
 */
@DisplayName("v1 homes, and homes migrating, fail over on Debian's Mosquitto")
class V1HomesOnMosquittoTest {

    private static final Home.Timings FAST = Home.Timings.FAST;
    private static Mosquitto broker;
    private static SimulatedPoeSwitch poe;
    private static Wire wire;

    @TempDir
    Path dir;
    private Home home;

    @BeforeAll
    static void startBrokerSwitchAndWire() {
        var binary = Mosquitto.binaryUnlessRequired();
        assumeTrue(binary.isPresent(), Mosquitto.SKIPPED);
        broker = Mosquitto.start(binary.get());
        poe = SimulatedPoeSwitch.builder().ports(1, 4).start();
        wire = new Wire(broker.port());
    }

    @AfterAll
    static void stop() {
        if (wire != null) {
            wire.close();
            poe.close();
            broker.close();
        }
    }

    @BeforeEach
    void everyPortOn() {
        poe.reset();
    }

    @AfterEach
    void closeHome() {
        if (home != null) {
            home.close();
        }
    }

    private Home home(String service, ParticipantKind primary, ParticipantKind standby, boolean configured,
                      Home.Timings timings) {
        home = new Home(service, primary, standby, configured, timings, broker.port(), poe, wire, dir);
        return home;
    }

    @Test
    void passiveWhileTheV1PrimaryHeartbeats() throws Exception {
        home("ha-passive", V1, V1, false, FAST);
        home.primary.leadAsV1();
        await("the primary heartbeats", () -> home.primary.heartbeatsPublished() > 0);
        home.start();
        await("the arbiter recognises the v1 primary", () -> home.arbiterWatches(PRIMARY));
        Thread.sleep(500); // the status page's first probe round, at start
        int probesOfPrimary = home.primary.requestsAnswered();
        int probesOfStandby = home.standby.requestsAnswered();

        Thread.sleep(FAST.timeout().multipliedBy(2).toMillis());

        assertThat(home.acceptedActions()).as(transcript()).doesNotContain("verify", "power_cycle", "fence", "grant",
                "demote", "block", "no_leader");
        assertThat(wire.on(home.topic("cmd"))).as("no command").isEmpty();
        assertThat(wire.alerts(home.service)).as("no alert").isEmpty();
        assertThat(poe.powerHistory(PRIMARY_PORT)).isEmpty();
        assertThat(poe.powerHistory(STANDBY_PORT)).isEmpty();
        assertThat(home.primary.requestsAnswered()).as("no probe").isEqualTo(probesOfPrimary);
        assertThat(home.standby.requestsAnswered()).as("no probe").isEqualTo(probesOfStandby);
        assertThat(home.primary.isLeading()).isTrue();
        assertThat(home.standby.isLeading()).isFalse();
    }

    @Test
    void aHungV1PrimaryIsVerifiedPowerCycledAndFencedThenTheStateIsClearedAndTheV1StandbyLeads() {
        home("ha-hang", V1, V1, false, FAST);
        home.primary.leadAsV1();
        home.start();
        await("the arbiter recognises the v1 primary", () -> home.arbiterWatches(PRIMARY));

        home.primary.diesForGood();
        home.primary.hang();

        await("the v1 standby leads", Duration.ofSeconds(30), home.standby::isLeading);
        await("the arbiter confirms the standby from its heartbeats", () -> home.arbiterWatches(STANDBY));
        assertThat(home.acceptedActions()).as(transcript()).containsSubsequence("verify", "power_cycle", "confirm",
                "check_candidate", "fence", "grant", "leader_confirmed");
        assertThat(poe.powerHistory(PRIMARY_PORT)).as("cycled once, then fenced").containsExactly(false, true, false);
        assertThat(poe.powerHistory(STANDBY_PORT)).isEmpty();
        assertStateClearedThenPlainPromoteThenStandbyLeads();
        assertThat(wire.on(home.topic("heartbeat")).stream().filter(h -> h.payload().contains("haos-standby")))
                .as("the v1 standby's own heartbeats").isNotEmpty()
                .allSatisfy(h -> assertThat(h.payload()).doesNotContain("epoch").contains("\n  \"ts\""));
        assertThat(wire.alertCodes(home.service)).as(transcript()).containsExactlyInAnyOrder("heartbeat_missed",
                "haos_heartbeat_missed", "poe_reset", "leadership_changed");
    }

    private void assertStateClearedThenPlainPromoteThenStandbyLeads() {
        int promote = wire.indexOf(home.topic("cmd"), "promote", 0);
        assertThat(promote).as("one plain promote on cmd" + transcript()).isNotNegative();
        assertThat(wire.count(home.topic("cmd"), "promote"::equals)).isEqualTo(1);
        int cleared = wire.lastIndexBefore(home.topic("state"), "", promote);
        assertThat(cleared).as("the retained state cleared before the plain promote" + transcript()).isNotNegative();
        assertThat(wire.indexOf(home.topic("state"), "leader", promote)).as("then the standby says leader").isPositive();
    }

    @Test
    void aHungV1PrimaryRevivedByItsPowerCycleBootsAsAStandbyThenIsFencedAndTheV1StandbyLeads() {
        home("ha-revived", V1, V1, false, FAST);
        home.primary.leadAsV1();
        home.start();
        await("the arbiter recognises the v1 primary", () -> home.arbiterWatches(PRIMARY));

        home.primary.hang(); // its power-cycle revives it, as a standby

        await("the v1 standby leads", Duration.ofSeconds(30), home.standby::isLeading);
        await("the arbiter confirms the standby", () -> home.arbiterWatches(STANDBY));
        assertThat(home.primary.isLeading()).isFalse();
        assertThat(poe.powerHistory(PRIMARY_PORT)).as("cycled, came back as a standby, then fenced: it would take the"
                + " plain promote too").containsExactly(false, true, false);
        assertThat(home.acceptedActions()).as(transcript()).containsSubsequence("verify", "power_cycle", "confirm",
                "check_candidate", "fence", "grant", "leader_confirmed");
        assertStateClearedThenPlainPromoteThenStandbyLeads();
        assertThat(wire.alertCodes(home.service)).as(transcript()).containsExactlyInAnyOrder("heartbeat_missed",
                "haos_heartbeat_missed", "poe_reset", "leadership_changed");
    }

    @Test
    void aPlainPromoteDrillWhileTheV1PrimaryHeartbeatsFencesItOnceAndRaisesNoAlertStorm() {
        Home.Timings quick = new Home.Timings(Duration.ofMillis(250), Duration.ofMillis(1500));
        home("ha-drill", V1, V1, false, quick);
        home.primary.leadAsV1();
        home.start();
        await("the arbiter recognises the v1 primary", () -> home.arbiterWatches(PRIMARY));

        home.plain("promote");

        await("the v1 standby leads", home.standby::isLeading);
        await("the arbiter confirms the standby", () -> home.arbiterWatches(STANDBY));
        int from = home.standby.heartbeatsPublished();
        await("sixty heartbeats of the new leader", Duration.ofSeconds(40),
                () -> home.standby.heartbeatsPublished() >= from + 60);
        assertThat(poe.powerHistory(PRIMARY_PORT)).as("exactly one fence, no cycle").containsExactly(false);
        assertThat(home.acceptedActions().stream().filter("fence"::equals)).hasSize(1);
        assertThat(wire.count(home.topic("cmd"), p -> p.contains("demote"))).as("no demote" + transcript()).isZero();
        assertThat(wire.alerts(home.service)).as(transcript())
                .noneSatisfy(a -> assertThat(a.path("severity").asText()).isEqualTo("critical"));
        assertThat(wire.alertCodes(home.service)).as(transcript()).containsExactly("leadership_changed");
        assertThat(home.primary.isPowered()).isFalse();
        assertThat(home.arbiterWatches(STANDBY)).isTrue();
    }

    @Test
    void aBrokerRestartWithPersistenceRaisesNoFalseAlarm() throws Exception {
        home("ha-restart-kept", AGENT, V1, true, FAST).start();
        home.operator(CommandVerb.PROMOTE, Optional.of(PRIMARY));
        await("the agent primary leads", () -> home.agent().agents().get(0).state().isCurrentLeader()
                && home.arbiterWatches(PRIMARY));
        long epoch = home.state().epoch().value();

        broker.persistence(true);
        Instant restart = Instant.now();
        broker.restart(false);

        assertNoFalseAlarmAfter(restart, epoch);
        assertThat(home.agent().agents().get(0).state().isCurrentLeader()).isTrue();
        assertThat(home.retainedState()).contains(LeaderState.LEADER);
    }

    @Test
    void aBrokerRestartWithoutPersistenceRaisesNoFalseAlarmAndTheArbiterPublishesTheLostStateAgain() throws Exception {
        home("ha-restart-lost", PACKAGE, V1, true, FAST).start();
        home.operator(CommandVerb.PROMOTE, Optional.of(PRIMARY));
        await("the package primary leads", () -> home.primary.isLeading() && home.arbiterWatches(PRIMARY));
        long epoch = home.state().epoch().value();

        broker.persistence(false);
        Instant restart = Instant.now();
        broker.restart(false);

        await("the retained state is leader again (the package publishes it only when it changes)",
                () -> home.retainedState().equals(Optional.of(LeaderState.LEADER)));
        assertNoFalseAlarmAfter(restart, epoch);
        assertThat(home.primary.isLeading()).isTrue();
        assertThat(home.standby.isLeading()).isFalse();
    }

    private void assertNoFalseAlarmAfter(Instant restart, long epoch) throws InterruptedException {
        await("the control plane is back on the broker", () -> home.state().connected());
        await("the leader is back on the broker", () -> wire.on(home.topic("heartbeat"), restart).stream()
                .anyMatch(h -> h.payload().contains("haos-primary")));
        Thread.sleep(FAST.timeout().multipliedBy(2).plusSeconds(1).toMillis());
        assertThat(wire.alerts(home.service).stream().filter(a -> Instant.parse(a.path("ts").asText()).isAfter(restart)))
                .as("alerts raised since the restart" + transcript()).isEmpty();
        assertThat(home.decisions().stream().filter(d -> d.timestamp().isAfter(restart))
                .map(io.piha.api.audit.AuditEntry::action)).doesNotContain("verify", "fence", "grant", "block");
        assertThat(home.state().epoch().value()).as("no failover").isEqualTo(epoch);
        assertThat(home.arbiterWatches(PRIMARY)).isTrue();
    }

    @Test
    void aRetainedHeartbeatTooOldToTrustAtStartIsAMissingLeader() throws Exception {
        home("ha-stale", V1, V1, false, FAST);
        home.primary.leadAsV1();
        await("the primary heartbeats", () -> home.primary.heartbeatsPublished() > 0);
        home.primary.diesForGood();
        home.primary.hang();
        Instant last = home.primary.lastHeartbeat().orElseThrow();
        // Older than the timeout plus the clock-skew bound (1 s here): no clock could make it fresh.
        Thread.sleep(Duration.between(Instant.now(), last.plus(FAST.timeout()).plusMillis(1500)).toMillis());

        home.start();

        await("the v1 standby leads", Duration.ofSeconds(30), home.standby::isLeading);
        await("the arbiter confirms the standby", () -> home.arbiterWatches(STANDBY));
        assertThat(home.decisions().stream().filter(d -> d.action().equals("verify")).findFirst().orElseThrow().reason())
                .contains("stale heartbeat of haos-primary");
        assertThat(home.acceptedActions()).containsSubsequence("verify", "power_cycle", "fence", "grant",
                "leader_confirmed");
    }

    @Test
    void aV1PrimaryFailsOverToAnAgentStandby() {
        home("ha-v1-agent", V1, AGENT, true, FAST);
        home.primary.leadAsV1();
        home.start();
        await("the arbiter recognises the v1 primary", () -> home.arbiterWatches(PRIMARY));

        home.primary.diesForGood();
        home.primary.hang();

        await("the agent standby leads", Duration.ofSeconds(30), () -> home.agent().agents().get(0).state()
                .isCurrentLeader() && home.standby.automationsOn());
        await("the arbiter confirms the agent", () -> home.arbiterWatches(STANDBY));
        assertThat(poe.powerHistory(PRIMARY_PORT)).containsExactly(false, true, false);
        assertThat(wire.count(home.topic("cmd"), p -> p.contains("\"promote\"") && p.contains("\"haos-standby\"")))
                .as("an envelope promote for the agent").isEqualTo(1);
        assertThat(wire.count(home.topic("cmd"), "promote"::equals)).as("no plain promote: nobody else may take it")
                .isZero();
        assertThat(wire.alertCodes(home.service)).as(transcript()).containsExactlyInAnyOrder("heartbeat_missed",
                "haos_heartbeat_missed", "poe_reset", "leadership_changed");
    }

    @Test
    void aPackagePrimaryAndAV1StandbyFailOverBothWaysAndAPlannedHandBackTakesTheAcknowledgementWithoutFence() {
        home("ha-package-v1", PACKAGE, V1, true, FAST).start();
        home.operator(CommandVerb.PROMOTE, Optional.of(PRIMARY));
        await("the package primary leads", () -> home.primary.isLeading() && home.arbiterWatches(PRIMARY));

        home.primary.diesForGood();
        home.primary.hang();
        await("the v1 standby leads", Duration.ofSeconds(30), () -> home.standby.isLeading()
                && home.arbiterWatches(STANDBY));
        assertThat(poe.powerHistory(PRIMARY_PORT)).containsExactly(false, true, false);

        home.primary.repaired();
        assertThat(home.powerOn(PRIMARY)).isInstanceOf(RecoveryOutcome.Done.class);
        await("the package primary is back, as a standby", () -> home.primary.isUp());
        home.standby.diesForGood();
        home.standby.hang();
        await("the package primary leads again", Duration.ofSeconds(30), () -> home.primary.isLeading()
                && home.arbiterWatches(PRIMARY));
        assertThat(poe.powerHistory(STANDBY_PORT)).containsExactly(false, true, false);
        assertThat(home.standby.isLeading()).isFalse();

        home.standby.repaired();
        assertThat(home.powerOn(STANDBY)).isInstanceOf(RecoveryOutcome.Done.class);
        await("the v1 standby is back", () -> home.standby.isUp());
        List<Boolean> primaryPower = poe.powerHistory(PRIMARY_PORT);
        Instant demote = Instant.now();
        home.operator(CommandVerb.DEMOTE, Optional.of(PRIMARY));

        await("the v1 standby leads after the hand-back", Duration.ofSeconds(20), () -> home.standby.isLeading()
                && home.arbiterWatches(STANDBY));
        assertThat(home.primary.isLeading()).isFalse();
        assertThat(home.primary.isPowered()).as("no fence").isTrue();
        assertThat(poe.powerHistory(PRIMARY_PORT)).isEqualTo(primaryPower);
        assertThat(home.decisions().stream().filter(d -> d.timestamp().isAfter(demote))
                .map(io.piha.api.audit.AuditEntry::action)).as(transcript()).doesNotContain("fence")
                .containsSubsequence("demote", "hand_back", "grant", "leader_confirmed");
        assertThat(wire.on(home.topic("events"), demote).stream().map(Wire.Seen::json)
                .filter(e -> e.path("event").asText().equals("demoted") && e.path("actor").asText().equals("haos-primary")))
                .as("the package's acknowledgement").singleElement()
                .satisfies(e -> assertThat(e.path("command_id").asText()).isNotEmpty());
    }

    @Test
    void freezeAndThawReachV1HostsAsPlainVerbs() {
        home("ha-freeze", V1, V1, false, FAST);
        home.primary.leadAsV1();
        home.start();
        await("the arbiter recognises the v1 primary", () -> home.arbiterWatches(PRIMARY));

        home.operator(CommandVerb.FREEZE, Optional.empty());
        await("the v1 hosts hear freeze", () -> home.primary.commandsHeard().contains("freeze")
                && home.standby.commandsHeard().contains("freeze"));
        assertThat(home.state().frozen()).isTrue();
        home.operator(CommandVerb.THAW, Optional.empty());
        await("the v1 hosts hear thaw", () -> home.primary.commandsHeard().contains("thaw")
                && home.standby.commandsHeard().contains("thaw"));

        assertThat(home.state().frozen()).isFalse();
        await("the wire saw both", () -> wire.count(home.topic("cmd"), "thaw"::equals) > 0);
        assertThat(wire.count(home.topic("cmd"), "freeze"::equals)).as("said once" + transcript()).isEqualTo(1);
        assertThat(wire.count(home.topic("cmd"), "thaw"::equals)).as("said once" + transcript()).isEqualTo(1);
    }

    private String transcript() {
        return home == null ? "" : "\nwire:" + wire.transcript(home.service) + "\ndecisions:\n"
                + String.join("\n", home.decisions().stream().map(d -> d.timestamp() + " " + d.outcome() + " "
                + d.action() + ": " + d.reason()).toList());
    }

    private void await(String what, BooleanSupplier condition) {
        await(what, Duration.ofSeconds(10), condition);
    }

    private void await(String what, Duration within, BooleanSupplier condition) {
        Await.until(what, within, condition, this::transcript);
    }
}
