package io.piha.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.leadership.LeadershipMessage.SyncFreezeFlagged;
import io.piha.api.leadership.ServiceName;
import io.piha.api.sync.SyncFreeze;
import io.piha.mqtt.DecodeError.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The retained {@code sync_freeze} flag (the seed's {@code standby_sync_freeze}), decoded by the codec. */
class SyncFreezeFlagTest {

    private static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    private static final String TOPIC = "piha/leader/home-assistant/sync_freeze";
    private final LeadershipCodec codec = LeadershipCodec.v1();

    private DecodeResult decode(String payload, Instant at) {
        return codec.decode(TOPIC, payload.getBytes(StandardCharsets.UTF_8), true, at);
    }

    private Optional<SyncFreeze> flag(String payload) {
        DecodeResult r = decode(payload, NOW);
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        return ((SyncFreezeFlagged) ((DecodeResult.Decoded) r).message()).freeze();
    }

    private DecodeError refused(String payload) {
        DecodeResult r = decode(payload, NOW);
        assertThat(r).isInstanceOf(DecodeResult.Refused.class);
        return ((DecodeResult.Refused) r).error();
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "True", " ON ", "1", "yes"})
    void theSeedsBareTrueFreezesUntilThawed(String payload) {
        assertThat(flag(payload)).contains(new SyncFreeze("standby_sync_freeze flag set", "mqtt", NOW, Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "off", "0", "", "  ", "{\"frozen\": false, \"by\": \"nas\"}"})
    void falseAnEmptyRetainedMessageOrFrozenFalseMeanThawed(String payload) {
        assertThat(flag(payload)).isEmpty();
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

        assertThat(flag(payload)).contains(new SyncFreeze("new Zigbee coordinator", "alice", NOW,
                Optional.of(Instant.parse("2026-04-03T16:00:00.123456Z"))));
    }

    @Test
    void encodedAndDecodedTheFlagIsTheSameFreezeAndIsRetained() {
        SyncFreeze freeze = new SyncFreeze("risky \"week\"", "bob", NOW, Optional.of(NOW.plusSeconds(3600)));

        WireMessage w = codec.encode(new SyncFreezeFlagged(ServiceName.HOME_ASSISTANT, Optional.of(freeze)));

        assertThat(w.topic()).isEqualTo(TOPIC);
        assertThat(w.retained()).isTrue();
        assertThat(w.text()).startsWith("{\"frozen\":true,");
        DecodeResult back = codec.decode(TOPIC, w.payload(), true, NOW.plusSeconds(60));
        assertThat(((SyncFreezeFlagged) ((DecodeResult.Decoded) back).message()).freeze()).contains(freeze);
        assertThat(codec.encode(new SyncFreezeFlagged(ServiceName.HOME_ASSISTANT, Optional.empty())).text())
                .isEqualTo("false");
    }

    @Test
    void unreadableFlagsAreRefusedNamingTheFieldAndValue() {
        assertThat(refused("perhaps")).satisfies(e -> assertThat(e.value()).isEqualTo("perhaps"));
        assertThat(refused("{\"until\": \"tomorrow\"}")).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.BAD_TIMESTAMP);
            assertThat(e.value()).isEqualTo("tomorrow");
        });
        assertThat(refused("{\"frozen\": \"yes\"}").field()).isEqualTo("frozen");
        assertThat(refused("{\"reason\": [1]}").field()).isEqualTo("reason");
        assertThat(refused("{\"since\": \"2026-02-01T00:00:00Z\", \"until\": \"2026-01-01T00:00:00Z\"}").reason())
                .contains("before it starts");
    }

    @Test
    void aRetainedFreezeReceivedAfterItsEndIsOver() {
        assertThat(flag("{\"by\": \"nas\", \"until\": \"2026-04-01T07:59:59Z\"}")).isEmpty();
    }
}
