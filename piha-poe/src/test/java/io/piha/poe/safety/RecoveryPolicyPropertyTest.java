package io.piha.poe.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The guards as invariants: whatever arrives, when, the limits hold; the ledger file loses nothing. */
class RecoveryPolicyPropertyTest {

    private static final SafetyConfig CONFIG = SafetyConfig.custom().portCooldown(Duration.ofMinutes(10))
            .rateLimits(3, 5, Duration.ofHours(1)).build();
    private static final List<PortMap> SWITCHES = List.of(
            new PortMap("rack", Map.of("a", PortAddress.of(1, 1), "b", PortAddress.of(1, 2), "c", PortAddress.of(1, 3),
                    "nas", PortAddress.of(1, 4)), Set.of("nas")),
            new PortMap("garage", Map.of("a", PortAddress.of(1, 1), "b", PortAddress.of(1, 2)), Set.of()));

    record Attempt(int switchIndex, String label, long secondsLater) {
    }

    private record Allowed(Instant at, String switchName, String label) {
    }

    @Property
    void noPortIsActedOnWithinItsCooldownAndNoWindowExceedsTheSwitchOrGlobalLimit(
            @ForAll("attempts") List<Attempt> attempts) {
        RecoveryPolicy policy = new RecoveryPolicy(CONFIG);
        SafetyLedger ledger = SafetyLedger.inMemory();
        List<Allowed> allowed = new ArrayList<>();
        Instant now = Instant.parse("2026-11-22T00:00:00Z");
        for (Attempt attempt : attempts) {
            now = now.plusSeconds(attempt.secondsLater());
            PortMap map = SWITCHES.get(attempt.switchIndex());
            if (policy.check(map, attempt.label(), ledger, now).isEmpty()) {
                ledger.recordAction(map.switchName(), attempt.label(), now);
                allowed.add(new Allowed(now, map.switchName(), attempt.label()));
            }
        }
        for (Allowed a : allowed) {
            Instant windowStart = a.at().minus(CONFIG.rateWindow());
            List<Allowed> window = allowed.stream()
                    .filter(o -> o.at().isAfter(windowStart) && !o.at().isAfter(a.at())).toList();
            assertThat(window).hasSizeLessThanOrEqualTo(CONFIG.globalLimit());
            assertThat(window.stream().filter(o -> o.switchName().equals(a.switchName())))
                    .hasSizeLessThanOrEqualTo(CONFIG.perSwitchLimit());
            assertThat(window.stream().filter(o -> o != a && o.switchName().equals(a.switchName())
                    && o.label().equals(a.label()) && o.at().isAfter(a.at().minus(CONFIG.portCooldown()))))
                    .isEmpty();
            assertThat(a.label()).isNotEqualTo("nas");
        }
    }

    @Property(tries = 30)
    void aLedgerReadBackFromItsFileHoldsEveryActionFailureBreakerAndJournalEntry(
            @ForAll("names") String switchName, @ForAll("names") String label) throws Exception {
        Path dir = Files.createTempDirectory("ledger");
        Path file = dir.resolve("poe-ledger");
        try {
            Instant t = Instant.parse("2026-11-22T04:00:00.123Z");
            SafetyLedger written = SafetyLedger.open(file);
            written.recordAction(switchName, label, t);
            written.recordFailure(switchName, label, t.plusSeconds(1));
            written.openBreaker(switchName, label, t.plusSeconds(3600));
            written.journalOff(switchName, label, t.plusSeconds(2));

            SafetyLedger read = SafetyLedger.open(file);
            assertThat(read.actions(switchName, label)).containsExactly(t);
            assertThat(read.failures(switchName, label)).containsExactly(t.plusSeconds(1));
            assertThat(read.breakerOpenUntil(switchName, label)).contains(t.plusSeconds(3600));
            assertThat(read.leftOff(switchName)).containsEntry(label, t.plusSeconds(2));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir.resolve(".poe-ledger.lock"));
            Files.deleteIfExists(dir);
        }
    }

    @Provide
    Arbitrary<List<Attempt>> attempts() {
        Arbitrary<Attempt> attempt = Combinators.combine(Arbitraries.integers().between(0, 1),
                Arbitraries.of("a", "b", "c", "nas"), Arbitraries.longs().between(0, 1800))
                .as((s, l, gap) -> new Attempt(s, s == 1 && (l.equals("c") || l.equals("nas")) ? "a" : l, gap));
        return attempt.list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("abz09 -_/%+#é").ofMinLength(1).ofMaxLength(20)
                .filter(s -> !s.isBlank());
    }
}
