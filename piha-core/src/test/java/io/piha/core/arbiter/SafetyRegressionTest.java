package io.piha.core.arbiter;

import static io.piha.core.Homes.PRIMARY;
import static io.piha.core.Homes.SERVICE;
import static io.piha.core.Homes.STANDBY;
import static io.piha.core.Homes.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.alert.AlertCodes;
import io.piha.api.alert.Severity;
import io.piha.api.health.ProbeResult;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.Lease;
import io.piha.api.leadership.ParticipantKind;
import io.piha.core.Decision;
import io.piha.core.Homes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's "Why", one case per test, each of which failed before the fix: duplicates, forged or absurd epochs,
 * unsigned agents, and stuck states that used to wait in silence.
 */
class SafetyRegressionTest {

    private final ArbiterMachine machine = new ArbiterMachine(Homes.policy());

    private Decision<ArbiterState, ArbiterEffect> decide(ArbiterState s, ArbiterInput in, Instant now) {
        return machine.decide(s, in, now);
    }

    /** The arbiter after the v1 primary heartbeated once at T0: leader at epoch 1. */
    private ArbiterState watchingV1Primary() {
        return decide(ArbiterState.startingUp(T0), new ArbiterInput.HeartbeatObserved(Heartbeat.of(PRIMARY, T0)), T0).state();
    }

    private static List<String> alertCodes(Decision<ArbiterState, ArbiterEffect> d) {
        return d.effectsOf(ArbiterEffect.RaiseAlert.class).stream().map(a -> a.alert().code()).toList();
    }

    @Test
    @DisplayName("one duplicated plain promote (a QoS 1 redelivery) flips leadership once, not twice")
    void aRedeliveredPlainPromoteIsDecidedOnce() {
        ArbiterState s = watchingV1Primary();
        Command plain = Command.plain(CommandVerb.PROMOTE);

        Decision<ArbiterState, ArbiterEffect> first = decide(s, new ArbiterInput.CommandObserved(plain), T0.plusSeconds(1));
        assertThat(first.state().phase()).as("the v1 primary is fenced first").isInstanceOf(Phase.Fencing.class);
        Decision<ArbiterState, ArbiterEffect> redelivered = decide(first.state(), new ArbiterInput.CommandObserved(plain),
                T0.plusSeconds(2));

        assertThat(redelivered.state().phase()).isEqualTo(first.state().phase());
        assertThat(redelivered.effectsOf(ArbiterEffect.Power.class)).isEmpty();

        Decision<ArbiterState, ArbiterEffect> granted = decide(first.state(), new ArbiterInput.PowerReported(PRIMARY,
                ArbiterEffect.PowerAction.OFF, true, "port off"), T0.plusSeconds(3));
        assertThat(granted.state().epoch()).isEqualTo(Epoch.of(2));
        assertThat(granted.state().leader()).contains(STANDBY);
        // The plain promote the arbiter itself publishes for the v1 standby comes back to it: it changes nothing.
        Decision<ArbiterState, ArbiterEffect> echo = decide(granted.state(), new ArbiterInput.CommandObserved(plain),
                T0.plusSeconds(4));
        assertThat(echo.state().epoch()).isEqualTo(Epoch.of(2));
        assertThat(echo.state().leader()).contains(STANDBY);
        assertThat(echo.effectsOf(ArbiterEffect.Power.class)).isEmpty();
    }

    @Test
    @DisplayName("a lease at epoch Long.MAX_VALUE is refused, and failover still works afterwards")
    void anAbsurdEpochIsRefusedAndFailoverStaysAlive() {
        ArbiterState s = watchingV1Primary();

        Decision<ArbiterState, ArbiterEffect> forged = decide(s, new ArbiterInput.LeaseObserved(
                new Lease(STANDBY, Epoch.of(Long.MAX_VALUE), T0)), T0.plusSeconds(1));
        Decision<ArbiterState, ArbiterEffect> heartbeat = decide(s, new ArbiterInput.HeartbeatObserved(
                Heartbeat.of(STANDBY, T0.plusSeconds(1), Epoch.of(Long.MAX_VALUE))), T0.plusSeconds(1));

        assertThat(forged.accepted()).isFalse();
        assertThat(forged.state().epoch()).isEqualTo(Epoch.of(1));
        assertThat(alertCodes(forged)).containsExactly(AlertCodes.ABSURD_EPOCH);
        assertThat(heartbeat.state().epoch()).isEqualTo(Epoch.of(1));
        assertThat(alertCodes(heartbeat)).containsExactly(AlertCodes.ABSURD_EPOCH);
        Decision<ArbiterState, ArbiterEffect> silence = decide(forged.state(), new ArbiterInput.Tick(), T0.plusSeconds(91));
        assertThat(silence.state().phase()).as("the watchdog still runs").isInstanceOf(Phase.Verifying.class);
    }

    @Test
    @DisplayName("with signing required, an agent's unsigned heartbeat is refused with a CRITICAL alert")
    void anUnsignedAgentHeartbeatIsRefusedWhenSigningIsRequired() {
        ArbiterPolicy signed = ArbiterPolicy.custom(SERVICE, new Topology(PRIMARY, STANDBY,
                        Map.of(PRIMARY, ParticipantKind.AGENT)))
                .safety(new ArbiterPolicy.Safety(Duration.ofMinutes(3), Duration.ofSeconds(15), Duration.ofSeconds(10),
                        Duration.ofMinutes(30), 1_000_000, true)).build();
        ArbiterMachine strict = new ArbiterMachine(signed);
        Heartbeat unsigned = Heartbeat.of(PRIMARY, T0, Epoch.of(1), "hb-1");

        Decision<ArbiterState, ArbiterEffect> refused = strict.decide(ArbiterState.startingUp(T0),
                new ArbiterInput.HeartbeatObserved(unsigned), T0);
        Decision<ArbiterState, ArbiterEffect> taken = strict.decide(ArbiterState.startingUp(T0),
                new ArbiterInput.HeartbeatObserved(unsigned.asAuthenticated()), T0);

        assertThat(refused.accepted()).isFalse();
        assertThat(refused.state().leader()).isEmpty();
        assertThat(refused.effectsOf(ArbiterEffect.RaiseAlert.class)).singleElement().satisfies(a -> {
            assertThat(a.alert().code()).isEqualTo(AlertCodes.UNSIGNED_MESSAGE);
            assertThat(a.alert().severity()).isEqualTo(Severity.CRITICAL);
        });
        assertThat(taken.state().leader()).contains(PRIMARY);
    }

    @Test
    @DisplayName("a hand-back to a host that never answers raises a CRITICAL alert at once, then reminders")
    void aHandBackToASilentHostIsNeverASilentWait() {
        ArbiterState s = watchingV1Primary();
        // An operator hands leadership to the standby; the v1 primary cannot acknowledge and is fenced.
        Decision<ArbiterState, ArbiterEffect> demote = decide(s, new ArbiterInput.CommandObserved(
                Homes.command(CommandVerb.DEMOTE, PRIMARY)), T0.plusSeconds(1));
        assertThat(demote.state().phase()).isInstanceOf(Phase.Fencing.class);
        Decision<ArbiterState, ArbiterEffect> fenced = decide(demote.state(), new ArbiterInput.PowerReported(PRIMARY,
                ArbiterEffect.PowerAction.OFF, true, "port off"), T0.plusSeconds(2));
        assertThat(fenced.state().phase()).isInstanceOf(Phase.HandingBack.class);
        assertThat(fenced.effectsOf(ArbiterEffect.Probe.class)).extracting(ArbiterEffect.Probe::host).containsExactly(STANDBY);

        ProbeResult down = new ProbeResult.Down(T0.plusSeconds(3), Duration.ofMillis(5), "connection refused");
        Decision<ArbiterState, ArbiterEffect> silent = decide(fenced.state(), new ArbiterInput.ProbeReported(STANDBY, down),
                T0.plusSeconds(3));

        assertThat(silent.effectsOf(ArbiterEffect.RaiseAlert.class)).singleElement().satisfies(a -> {
            assertThat(a.alert().code()).isEqualTo(AlertCodes.HAND_BACK_TARGET_SILENT);
            assertThat(a.alert().severity()).isEqualTo(Severity.CRITICAL);
        });
        ArbiterState stuck = silent.state();
        Instant reminder = stuck.remindAt().orElseThrow();
        assertThat(reminder).isEqualTo(T0.plusSeconds(3).plus(Homes.policy().safety().reminderInterval()));
        assertThat(machine.nextWakeUp(stuck)).hasValueSatisfying(at -> assertThat(at).isBeforeOrEqualTo(reminder));
        ArbiterState later = stuck;
        List<String> reminders = new java.util.ArrayList<>();
        for (Instant t = T0.plusSeconds(4); !t.isAfter(reminder); t = machine.nextWakeUp(later).orElseThrow()) {
            Decision<ArbiterState, ArbiterEffect> d = decide(later, new ArbiterInput.Tick(), t);
            reminders.addAll(alertCodes(d));
            later = d.state();
            for (ArbiterEffect.Probe p : d.effectsOf(ArbiterEffect.Probe.class)) {
                Decision<ArbiterState, ArbiterEffect> again = decide(later, new ArbiterInput.ProbeReported(p.host(), down), t);
                reminders.addAll(alertCodes(again));
                later = again.state();
            }
        }
        assertThat(reminders).as("one reminder after the interval, none in between").containsExactly(
                AlertCodes.HAND_BACK_TARGET_SILENT);
        assertThat(later.leader()).as("nothing granted to the silent host").isNotEqualTo(java.util.Optional.of(STANDBY));
        assertThat(demote.effectsOf(ArbiterEffect.Publish.class)).extracting(ArbiterEffect.Publish::message)
                .noneMatch(LeadershipMessage.LeaseGranted.class::isInstance);
    }
}
