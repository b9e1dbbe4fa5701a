package io.piha.mqtt;

import io.piha.api.Secret;
import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.leadership.Availability;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.Heartbeat;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.LeadershipEvent;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.api.leadership.LeadershipMessage.AvailabilityChanged;
import io.piha.api.leadership.LeadershipMessage.CommandIssued;
import io.piha.api.leadership.LeadershipMessage.EventRecorded;
import io.piha.api.leadership.LeadershipMessage.HeartbeatPublished;
import io.piha.api.leadership.LeadershipMessage.StateChanged;
import io.piha.api.leadership.ServiceName;
import io.piha.mqtt.DecodeError.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeadershipCodecTest {

    private static final Instant NOW = Instant.parse("2025-10-05T20:15:30Z");
    private static final ServiceName HA = ServiceName.HOME_ASSISTANT;
    private final LeadershipCodec codec = LeadershipCodec.v1();

    private DecodeResult decode(String leaf, String payload) {
        return codec.decode("piha/leader/home-assistant/" + leaf, payload.getBytes(StandardCharsets.UTF_8), false, NOW);
    }

    private LeadershipMessage decoded(String leaf, String payload) {
        DecodeResult r = decode(leaf, payload);
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) r).message();
    }

    private DecodeError refused(String leaf, String payload) {
        DecodeResult r = decode(leaf, payload);
        assertThat(r).isInstanceOf(DecodeResult.Refused.class);
        return ((DecodeResult.Refused) r).error();
    }

    @Test
    void readsTheV1HeartbeatExampleOfTheContract() {
        var m = (HeartbeatPublished) decoded("heartbeat",
                "{\"ts\": \"2025-10-05T22:15:00.481516+02:00\", \"host_id\": \"haos-primary\"}");

        assertThat(m.heartbeat()).isEqualTo(Heartbeat.of(HostId.of("haos-primary"),
                Instant.parse("2025-10-05T20:15:00.481516Z")));
    }

    @Test
    void readsPrettyPrintedHeartbeatsWithOptionalAndUnknownFields() {
        var hb = ((HeartbeatPublished) decoded("heartbeat", """
                {
                    "ts": "2025-10-05T16:15:00-04:00",
                    "host_id": "haos-standby",
                    "uptime_s": 3600.5,
                    "version": "2025.10.1",
                    "epoch": 12,
                    "role": "leader",
                    "weather": {"sunny": true}
                }
                """)).heartbeat();

        assertThat(hb.timestamp()).isEqualTo(Instant.parse("2025-10-05T20:15:00Z"));
        assertThat(hb.uptime()).contains(Duration.ofMillis(3_600_500));
        assertThat(hb.version()).contains("2025.10.1");
        assertThat(hb.epoch()).contains(Epoch.of(12));
    }

    @Test
    void readsPlainTextStateAndCommandsWhateverTheirCaseAndNewline() {
        assertThat(((StateChanged) decoded("state", "leader\n")).state()).contains(LeaderState.LEADER);
        assertThat(((StateChanged) decoded("state", "")).state()).isEmpty();
        assertThat(((CommandIssued) decoded("cmd", " Promote\n")).command()).isEqualTo(Command.plain(CommandVerb.PROMOTE));
    }

    @Test
    void readsV1EventsAndKeepsExtraScalarFieldsAsDetails() {
        var ev = ((EventRecorded) decoded("events", "{\"ts\": \"2025-10-05T22:15:00+02:00\", \"event\": \"promoted\","
                + " \"actor\": \"nas\", \"new_leader\": \"haos-standby\", \"reason\": \"heartbeat_timeout\","
                + " \"attempt\": 2}")).event();

        assertThat(ev.event()).isEqualTo(LeadershipEvent.PROMOTED);
        assertThat(ev.newLeader()).contains(HostId.of("haos-standby"));
        assertThat(ev.reason()).contains("heartbeat_timeout");
        assertThat(ev.details()).containsEntry("attempt", "2");
    }

    @Test
    void readsAvailabilityWithTheHostFromTheTopic() {
        var a = (AvailabilityChanged) decoded("availability/haos-primary", "offline");

        assertThat(a.host()).isEqualTo(HostId.of("haos-primary"));
        assertThat(a.availability()).isEqualTo(Availability.OFFLINE);
    }

    @Test
    void writesStateAndPlainCommandsAsV1PlainText() {
        assertThat(codec.encode(new StateChanged(HA, Optional.of(LeaderState.STANDBY))).text()).isEqualTo("standby");
        assertThat(codec.encode(new StateChanged(HA, Optional.empty())).payload()).isEmpty();
        WireMessage cmd = codec.encode(new CommandIssued(HA, Command.plain(CommandVerb.DEMOTE)));
        assertThat(cmd.text()).isEqualTo("demote");
        assertThat(cmd.retained()).isFalse();
        assertThat(cmd.topic()).isEqualTo("piha/leader/home-assistant/cmd");
    }

    @Test
    void writesRetainedHeartbeatsThatExpireAfterTheTimeoutAndCarryTheV1Fields() {
        WireMessage w = codec.encode(new HeartbeatPublished(HA, Heartbeat.of(HostId.of("pi-1"), NOW, Epoch.of(3))));

        assertThat(w.retained()).isTrue();
        assertThat(w.expiry()).contains(MqttBusConfig.DEFAULT_HEARTBEAT_TIMEOUT);
        assertThat(w.text()).contains("\"ts\":\"2025-10-05T20:15:30Z\"").contains("\"host_id\":\"pi-1\"")
                .contains("\"epoch\":3").contains("\"role\":\"leader\"");
    }

    @Test
    void refusesEachKindOfBadInputNamingTheFieldAndValue() {
        assertThat(refused("heartbeat", "{\"ts\": 1, \"host_id\": \"a\"}").kind()).isEqualTo(Kind.WRONG_TYPE);
        assertThat(refused("heartbeat", "{\"ts\": \"2025-10-05T22:15:00+02:00\"}"))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.MISSING_FIELD))
                .satisfies(e -> assertThat(e.field()).isEqualTo("host_id"));
        assertThat(refused("heartbeat", "[1, 2]").kind()).isEqualTo(Kind.MALFORMED);
        assertThat(refused("heartbeat", "{\"ts\": \"2025-10-05T22:15:00\", \"host_id\": \"a\"}").reason())
                .contains("no UTC offset");
        assertThat(refused("heartbeat", "{\"ts\": \"yesterday\", \"host_id\": \"a\"}").value()).isEqualTo("yesterday");
        assertThat(refused("heartbeat", "{\"ts\": \"2025-10-05T20:15:00Z\", \"host_id\": \"a/b\"}").kind())
                .isEqualTo(Kind.INVALID_VALUE);
        assertThat(refused("heartbeat", "{\"ts\": \"2025-10-05T20:15:00Z\", \"ts\": \"2025-10-05T20:15:00Z\"}").kind())
                .isEqualTo(Kind.MALFORMED);
        assertThat(refused("heartbeat", "{\"ts\": \"2025-10-05T20:15:00Z\", \"host_id\": \"a\", \"epoch\": -1}")
                .kind()).isEqualTo(Kind.INVALID_VALUE);
        assertThat(refused("cmd", "reboot").value()).isEqualTo("reboot");
        assertThat(refused("cmd", "{\"command\": \"reboot\", \"id\": \"c\"}").field()).isEqualTo("command");
        assertThat(refused("availability/pi", "maybe").kind()).isEqualTo(Kind.INVALID_VALUE);
        assertThat(codec.decode("piha/leader/home-assistant/state", new byte[] {(byte) 0xC3, 0x28}, false, NOW))
                .isInstanceOfSatisfying(DecodeResult.Refused.class, r -> assertThat(r.error().reason()).contains("UTF-8"));
    }

    @Test
    void refusesPayloadsOverSixtyFourKibibytes() {
        byte[] big = new byte[64 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');

        assertThat(codec.decode("piha/leader/home-assistant/heartbeat", big, false, NOW))
                .isInstanceOfSatisfying(DecodeResult.Refused.class, r -> assertThat(r.error().kind()).isEqualTo(Kind.TOO_LARGE));
    }

    @Test
    void aCommandPastItsExpiryByTheReadersClockIsDeliveredForTheArbiterToJudge() {
        // Regression: a node whose clock ran 6 s ahead refused the arbiter's promote as expired. Expiry of operator
        // commands is the arbiter's call, against its own clock; a node's clock never overrules the arbiter.
        String expired = "{\"command\": \"promote\", \"id\": \"c-9\", \"issued_at\": \"2025-10-05T20:14:00Z\","
                + " \"expires_at\": \"2025-10-05T20:15:00Z\"}";

        assertThat(decode("cmd", expired)).isInstanceOf(DecodeResult.Decoded.class);
    }

    @Test
    void aHeartbeatLeaseOrCommandStampedAheadOfTheReadersClockIsDelivered() {
        // Regression: with the clock of a node 6 s behind the control plane's, its codec (5 s bound) refused the
        // lease, the promote and the demote. Order comes from epochs and ids; offsets are reported, not refused.
        String ahead = NOW.plusSeconds(6).toString();

        assertThat(decode("heartbeat", "{\"ts\": \"" + ahead + "\", \"host_id\": \"a\"}"))
                .isInstanceOf(DecodeResult.Decoded.class);
        assertThat(decode("lease", "{\"holder\": \"a\", \"epoch\": 3, \"since\": \"" + ahead + "\"}"))
                .isInstanceOf(DecodeResult.Decoded.class);
        assertThat(decode("cmd", "{\"command\": \"demote\", \"id\": \"c-10\", \"target\": \"a\", \"epoch\": 3, "
                + "\"issued_at\": \"" + ahead + "\", \"expires_at\": \"" + NOW.plusSeconds(66) + "\"}"))
                .isInstanceOf(DecodeResult.Decoded.class);
    }

    @Test
    void ignoresForeignTopicsAndClearedRetainedMessages() {
        assertThat(decode("heartbeat", "")).isInstanceOf(DecodeResult.Ignored.class);
        assertThat(codec.decode("homeassistant/status", "online".getBytes(StandardCharsets.UTF_8), false, NOW))
                .isInstanceOf(DecodeResult.Ignored.class);
    }

    @Test
    void anOldRetainedHeartbeatIsDeliveredWithItsTimeSinceAStaleLeaderIsAMissingOneNotNothing() {
        byte[] old = ("{\"ts\": \"" + NOW.minusSeconds(91) + "\", \"host_id\": \"a\"}").getBytes(StandardCharsets.UTF_8);
        String topic = "piha/leader/home-assistant/heartbeat";

        assertThat(codec.decode(topic, old, true, NOW)).isInstanceOfSatisfying(DecodeResult.Decoded.class, d ->
                assertThat(((HeartbeatPublished) d.message()).heartbeat().timestamp()).isEqualTo(NOW.minusSeconds(91)));
    }

    @Test
    void signedCommandsVerifyAndAnyAlterationBreaksTheSignature() {
        MqttBusConfig config = MqttBusConfig.custom().requireSignedCommands(Secret.of("k3y")).build();
        LeadershipCodec signing = LeadershipCodec.of(config);
        Command c = Command.envelope(CommandVerb.PROMOTE, "c-1").target(HostId.of("pi-2")).epoch(Epoch.of(2))
                .validBetween(NOW, NOW.plusSeconds(60)).build();
        WireMessage w = signing.encode(new CommandIssued(HA, c));
        String tampered = w.text().replace("\"epoch\":2", "\"epoch\":3");

        assertThat(signing.decode(w.topic(), w.payload(), false, NOW)).isEqualTo(
                new DecodeResult.Decoded(new CommandIssued(HA, c)));
        assertThat(signing.decode(w.topic(), tampered.getBytes(StandardCharsets.UTF_8), false, NOW))
                .isInstanceOfSatisfying(DecodeResult.Refused.class,
                        r -> assertThat(r.error().kind()).isEqualTo(Kind.BAD_SIGNATURE));
        assertThat(signing.decode(w.topic(), w.payload(), false, NOW.plus(Duration.ofMinutes(3))))
                .isInstanceOfSatisfying(DecodeResult.Refused.class,
                        r -> assertThat(r.error().kind()).isIn(Kind.REPLAYED, Kind.EXPIRED));
        assertThat(signing.decode(w.topic(), "promote".getBytes(StandardCharsets.UTF_8), false, NOW))
                .isInstanceOfSatisfying(DecodeResult.Refused.class,
                        r -> assertThat(r.error().kind()).isEqualTo(Kind.UNSIGNED));
    }
}
