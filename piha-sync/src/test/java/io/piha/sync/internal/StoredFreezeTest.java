package io.piha.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.sync.SyncFreeze;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FreezeFlagTest {

    private static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"false", "", "  ", "{\"frozen\": false, \"by\": \"nas\"}"})
    void falseAnEmptyBlobOrFrozenFalseMeanThawed(String payload) {
        assertThat(StoredFreeze.parse(payload, NOW)).isEmpty();
    }

    @Test
    void aJsonObjectCarriesReasonWhoAndEndInAnyOffset() {
        String payload = """
                {
                  "reason": "new Zigbee coordinator",
                  "by": "alice",
                  "until": "2026-04-03T18:00:00.123456+02:00",
                  "note": "unknown fields are ignored"
                }""";

        assertThat(StoredFreeze.parse(payload, NOW)).contains(new SyncFreeze("new Zigbee coordinator", "alice", NOW,
                Optional.of(Instant.parse("2026-04-03T16:00:00.123456Z"))));
    }

    @Test
    void formatAndParseRoundTrip() {
        SyncFreeze freeze = new SyncFreeze("risky \"week\"", "bob", NOW, Optional.of(NOW.plusSeconds(3600)));

        String payload = StoredFreeze.format(Optional.of(freeze));

        assertThat(payload).startsWith("{\"frozen\":true,");
        assertThat(StoredFreeze.parse(payload, NOW.plusSeconds(60))).contains(freeze);
        assertThat(StoredFreeze.format(Optional.empty())).isEqualTo("false");
    }

    @Test
    void unreadablePayloadsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> StoredFreeze.parse("perhaps", NOW)).isInstanceOf(StoredFreezeException.class)
                .hasMessageContaining("'perhaps'");
        assertThatThrownBy(() -> StoredFreeze.parse("{\"until\": \"tomorrow\"}", NOW))
                .isInstanceOf(StoredFreezeException.class).hasMessageContaining("'tomorrow'");
        assertThatThrownBy(() -> StoredFreeze.parse("{\"frozen\": \"yes\"}", NOW))
                .isInstanceOf(StoredFreezeException.class).hasMessageContaining("\"frozen\"");
        assertThatThrownBy(() -> StoredFreeze.parse("{\"reason\": [1]}", NOW))
                .isInstanceOf(StoredFreezeException.class).hasMessageContaining("nested");
        assertThatThrownBy(() -> StoredFreeze.parse(
                "{\"since\": \"2026-02-01T00:00:00Z\", \"until\": \"2026-01-01T00:00:00Z\"}", NOW))
                .isInstanceOf(StoredFreezeException.class).hasMessageContaining("before it starts");
    }

    @Test
    void aRetainedFreezeReceivedAfterItsEndIsOver() {
        assertThat(StoredFreeze.parse("{\"by\": \"nas\", \"until\": \"2026-04-01T07:59:59Z\"}", NOW)).isEmpty();
    }
}
