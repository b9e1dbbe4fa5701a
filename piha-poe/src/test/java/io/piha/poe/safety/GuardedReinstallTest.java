package io.piha.poe.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.alert.Alert;
import io.piha.api.audit.AuditEntry;
import io.piha.api.recovery.PlannedRequest;
import io.piha.api.recovery.ReinstallTrigger;
import io.piha.poe.safety.RecoveryOutcome.Done;
import io.piha.poe.safety.RecoveryOutcome.Failed;
import io.piha.poe.safety.RecoveryOutcome.Planned;
import io.piha.poe.safety.RecoveryOutcome.Refused;
import io.piha.poe.safety.RecoveryOutcome.Rule;
import io.piha.poe.safety.RecoveryOutcome.Stage;
import io.piha.testkit.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scripted reinstall passes the same guards as a power action, plus a confirmation; time is a hand-moved clock. */
class GuardedReinstallTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-03T04:00:00Z"));
    private final List<AuditEntry> audit = new CopyOnWriteArrayList<>();
    private final List<Alert> alerts = new CopyOnWriteArrayList<>();
    private final List<String> started = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    @TempDir
    Path state;

    private ReinstallTrigger trigger(String host) {
        return new ReinstallTrigger() {
            @Override
            public List<PlannedRequest> plan() {
                return List.of(new PlannedRequest("exec", "RUN", "/usr/local/bin/reimage " + host, ""));
            }

            @Override
            public void start(String reason) {
                if (failing) {
                    throw new IllegalStateException("the reinstall command of " + host + " exited with 3");
                }
                started.add(host + ": " + reason);
            }
        };
    }

    private GuardedReinstall guard(SafetyConfig config) {
        return new GuardedReinstall(Map.of("haos-primary", trigger("haos-primary"), "haos-standby",
                trigger("haos-standby"), "nas", trigger("nas")), config, SafetyLedger.open(state.resolve("reinstall-ledger")),
                clock, audit::add, alerts::add);
    }

    private static RecoveryRequest request(String host) {
        return RecoveryRequest.of(host, "operator:alice", "sd card died");
    }

    @Test
    void anUnconfirmedReinstallIsRefusedAndNothingStarts() {
        RecoveryOutcome none = guard(SafetyConfig.ofDefaults()).reinstall(request("haos-primary"), Optional.empty());
        RecoveryOutcome wrong = guard(SafetyConfig.ofDefaults()).reinstall(request("haos-primary"),
                Optional.of("haos-standby"));

        assertThat(none).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.rule()).isEqualTo(Rule.UNCONFIRMED));
        assertThat(((Refused) wrong).reason()).contains("--confirm haos-primary").contains("'haos-standby'");
        assertThat(started).isEmpty();
        assertThat(audit).extracting(AuditEntry::outcome).containsOnly(AuditEntry.Outcome.REFUSED);
        assertThat(alerts).extracting(Alert::code).containsOnly("reinstall_action_refused");
    }

    @Test
    void aConfirmedReinstallStartsOnceAndIsAuditedWithWhoAndWhy() {
        RecoveryOutcome outcome = guard(SafetyConfig.ofDefaults()).reinstall(request("haos-primary"),
                Optional.of("haos-primary"));

        assertThat(outcome).isInstanceOfSatisfying(Done.class, d -> assertThat(d.verified()).containsExactly(Stage.REINSTALL));
        assertThat(started).containsExactly("haos-primary: sd card died");
        assertThat(audit).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("operator:alice");
            assertThat(e.subject()).isEqualTo("reinstall/haos-primary");
        });
        assertThat(audit).extracting(e -> e.details().get("phase")).containsExactly("intent", "result");
    }

    @Test
    void aSecondReinstallWithinTheCooldownIsRefusedEvenByAnotherProcessAfterARestart() {
        SafetyConfig config = SafetyConfig.custom().portCooldown(Duration.ofHours(6)).build();
        guard(config).reinstall(request("haos-primary"), Optional.of("haos-primary"));
        clock.advance(Duration.ofHours(1));

        RecoveryOutcome again = guard(config).reinstall(request("haos-primary"), Optional.of("haos-primary"));
        clock.advance(Duration.ofHours(5));
        RecoveryOutcome later = guard(config).reinstall(request("haos-primary"), Optional.of("haos-primary"));

        assertThat(again).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.rule()).isEqualTo(Rule.PORT_COOLDOWN));
        assertThat(later).isInstanceOf(Done.class);
        assertThat(started).hasSize(2);
    }

    @Test
    void theRateLimitCountsReinstallsOfEveryHost() {
        SafetyConfig config = SafetyConfig.custom().rateLimits(1, 1, Duration.ofHours(24)).build();
        guard(config).reinstall(request("haos-primary"), Optional.of("haos-primary"));

        RecoveryOutcome other = guard(config).reinstall(request("haos-standby"), Optional.of("haos-standby"));

        assertThat(other).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.rule()).isEqualTo(Rule.SWITCH_RATE));
        assertThat(started).containsExactly("haos-primary: sd card died");
    }

    @Test
    void aDryRunPlansWithoutConfirmationStartsNothingAndUsesNoCooldown() {
        RecoveryOutcome planned = guard(SafetyConfig.custom().dryRun(true).build()).reinstall(request("haos-primary"),
                Optional.empty());
        RecoveryOutcome real = guard(SafetyConfig.ofDefaults()).reinstall(request("haos-primary"),
                Optional.of("haos-primary"));

        assertThat(planned).isInstanceOfSatisfying(Planned.class, p -> assertThat(p.requests().get(0).toString())
                .isEqualTo("exec RUN /usr/local/bin/reimage haos-primary"));
        assertThat(audit.get(0).outcome()).isEqualTo(AuditEntry.Outcome.PLANNED);
        assertThat(real).isInstanceOf(Done.class);
        assertThat(started).hasSize(1);
    }

    @Test
    void failedReinstallsOpenTheBreaker() {
        SafetyConfig config = SafetyConfig.custom().portCooldown(Duration.ofMinutes(1))
                .breaker(2, Duration.ofHours(24), Duration.ofHours(6)).build();
        failing = true;
        RecoveryOutcome first = guard(config).reinstall(request("haos-primary"), Optional.of("haos-primary"));
        clock.advance(Duration.ofMinutes(2));
        guard(config).reinstall(request("haos-primary"), Optional.of("haos-primary"));
        clock.advance(Duration.ofMinutes(2));
        failing = false;

        RecoveryOutcome third = guard(config).reinstall(request("haos-primary"), Optional.of("haos-primary"));

        assertThat(first).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.stage()).isEqualTo(Stage.REINSTALL);
            assertThat(f.reason()).contains("exited with 3");
        });
        assertThat(third).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.rule()).isEqualTo(Rule.BREAKER_OPEN));
        assertThat(alerts).extracting(Alert::code).contains("reinstall_failed", "reinstall_breaker_open");
        assertThat(alerts).filteredOn(a -> a.code().equals("reinstall_breaker_open"))
                .allSatisfy(a -> assertThat(a.message()).contains("host 'haos-primary'").contains("no more reinstalls"));
    }

    @Test
    void protectedAndUnknownHostsAreRefused() {
        GuardedReinstall guard = guard(SafetyConfig.custom().protectedLabels(Set.of("nas")).build());

        RecoveryOutcome nas = guard.reinstall(request("nas"), Optional.of("nas"));
        RecoveryOutcome unknown = guard.reinstall(request("zigbee-bridge"), Optional.of("zigbee-bridge"));

        assertThat(nas).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.rule()).isEqualTo(Rule.PROTECTED_PORT));
        assertThat(unknown).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.rule()).isEqualTo(Rule.UNKNOWN_PORT);
            assertThat(r.reason()).contains("zigbee-bridge").contains("[haos-primary, haos-standby, nas]");
        });
        assertThat(started).isEmpty();
    }
}
