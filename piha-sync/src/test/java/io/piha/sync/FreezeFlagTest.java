package io.piha.sync;

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
    @ValueSource(strings = {"true", "True", " ON ", "1", "yes"})
    void theSeedsBareTrueFreezesUntilThawed(String payload) {
        assertThat(FreezeFlag.parse(payload, NOW)).contains(
                new SyncFreeze(FreezeFlag.DEFAULT_REASON, FreezeFlag.DEFAULT_BY, NOW, Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "off", "0", "", "  ", "{\"frozen\": false, \"by\": \"nas\"}"})
    void falseAnEmptyRetainedMessageOrFrozenFalseMeanThawed(String payload) {
        assertThat(FreezeFlag.parse(payload, NOW)).isEmpty();
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

        assertThat(FreezeFlag.parse(payload, NOW)).contains(new SyncFreeze("new Zigbee coordinator", "alice", NOW,
                Optional.of(Instant.parse("2026-04-03T16:00:00.123456Z"))));
    }

    @Test
    void formatAndParseRoundTrip() {
        SyncFreeze freeze = new SyncFreeze("risky \"week\"", "bob", NOW, Optional.of(NOW.plusSeconds(3600)));

        String payload = FreezeFlag.format(Optional.of(freeze));

        assertThat(payload).startsWith("{\"frozen\":true,");
        assertThat(FreezeFlag.parse(payload, NOW.plusSeconds(60))).contains(freeze);
        assertThat(FreezeFlag.format(Optional.empty())).isEqualTo("false");
    }

    @Test
    void unreadablePayloadsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> FreezeFlag.parse("perhaps", NOW)).isInstanceOf(FreezeFlagException.class)
                .hasMessageContaining("'perhaps'");
        assertThatThrownBy(() -> FreezeFlag.parse("{\"until\": \"tomorrow\"}", NOW))
                .isInstanceOf(FreezeFlagException.class).hasMessageContaining("'tomorrow'");
        assertThatThrownBy(() -> FreezeFlag.parse("{\"frozen\": \"yes\"}", NOW))
                .isInstanceOf(FreezeFlagException.class).hasMessageContaining("\"frozen\"");
        assertThatThrownBy(() -> FreezeFlag.parse("{\"reason\": [1]}", NOW))
                .isInstanceOf(FreezeFlagException.class).hasMessageContaining("nested");
        assertThatThrownBy(() -> FreezeFlag.parse(
                "{\"since\": \"2026-02-01T00:00:00Z\", \"until\": \"2026-01-01T00:00:00Z\"}", NOW))
                .isInstanceOf(FreezeFlagException.class).hasMessageContaining("before it starts");
    }

    @Test
    void aRetainedFreezeReceivedAfterItsEndIsOver() {
        assertThat(FreezeFlag.parse("{\"by\": \"nas\", \"until\": \"2026-04-01T07:59:59Z\"}", NOW)).isEmpty();
    }
}
