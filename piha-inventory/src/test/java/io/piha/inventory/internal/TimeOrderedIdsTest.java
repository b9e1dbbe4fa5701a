package io.piha.inventory.internal;

import io.piha.testkit.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.piha.testkit.postgres.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    static final Instant START = Instant.parse("2026-11-22T08:00:00.123Z");

    @Test
    void idsAreVersion7WithTheClocksMillisecondAndTheRfcVariant() {
        UUID id = new TimeOrderedIds(new ManualClock(START)).next();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(START.toEpochMilli());
    }

    @Test
    void aBurstWithinOneMillisecondStillCountsUpAndBorrowsTheNextMillisecondWhenTheCounterRunsOut() {
        TimeOrderedIds ids = new TimeOrderedIds(new ManualClock(START));
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.next());
        }
        assertThat(made).isSortedAccordingTo(UUID::compareTo).doesNotHaveDuplicates();
        // 4,096 counter values per millisecond at most: 10,000 ids need at least three milliseconds
        long lastMillis = made.get(made.size() - 1).getMostSignificantBits() >>> 16;
        assertThat(lastMillis - START.toEpochMilli()).isBetween(2L, 3L);
    }

    @Test
    void aClockThatStepsBackDoesNotBreakTheOrder() {
        ManualClock clock = new ManualClock(START);
        TimeOrderedIds ids = new TimeOrderedIds(clock);
        UUID before = ids.next();
        clock.set(START.minusSeconds(5));
        assertThat(ids.next()).isGreaterThan(before);
    }

    @Test
    void postgresqlSortsThemInTheOrderTheyWereMade() {
        ManualClock clock = new ManualClock(START);
        TimeOrderedIds ids = new TimeOrderedIds(clock);
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            made.add(ids.next());
            if (i % 300 == 0) {
                clock.advance(Duration.ofMillis(1));
            }
        }
        List<UUID> shuffled = new ArrayList<>(made);
        Collections.shuffle(shuffled, new Random(7));
        try (Handle h = Jdbi.create(TestDatabase.freshSchema()).open()) {
            h.execute("CREATE TABLE ids (id uuid PRIMARY KEY)");
            var batch = h.prepareBatch("INSERT INTO ids (id) VALUES (:id)");
            shuffled.forEach(id -> batch.bind("id", id).add());
            batch.execute();
            assertThat(h.createQuery("SELECT id FROM ids ORDER BY id").mapTo(UUID.class).list()).isEqualTo(made);
        }
    }
}
