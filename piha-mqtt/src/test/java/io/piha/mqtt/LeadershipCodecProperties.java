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
import io.piha.api.leadership.Lease;
import io.piha.api.leadership.ServiceName;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The codec never throws on any input, and what it writes it reads back unchanged. */
class LeadershipCodecProperties {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final LeadershipCodec codec = LeadershipCodec.of(MqttBusConfig.custom()
            .signCommands(Secret.of("property-key")).build());

    @Property
    void anyBytesOnAnyTopicAreDecodedIgnoredOrRefusedButNeverThrow(@ForAll("topics") String topic,
                                                                   @ForAll byte[] payload, @ForAll boolean retained) {
        DecodeResult r = codec.decode(topic, payload, retained, NOW);

        assertThat(r).isNotNull();
    }

    @Property
    void anyTextThatLooksLikeJsonIsDecodedIgnoredOrRefusedButNeverThrows(@ForAll("topics") String topic,
                                                                         @ForAll("jsonish") String text) {
        DecodeResult r = codec.decode(topic, text.getBytes(StandardCharsets.UTF_8), false, NOW);

        if (r instanceof DecodeResult.Refused refused) {
            assertThat(refused.error().reason()).isNotBlank();
        }
    }

    @Property
    void everyEncodedMessageDecodesToItself(@ForAll("messages") LeadershipMessage message) {
        WireMessage wire = codec.encode(message);

        DecodeResult r = codec.decode(wire.topic(), wire.payload(), false, NOW);

        assertThat(r).isEqualTo(new DecodeResult.Decoded(message));
    }

    @Provide
    Arbitrary<String> topics() {
        return Arbitraries.of("piha/leader/home-assistant/state", "piha/leader/home-assistant/heartbeat",
                "piha/leader/home-assistant/cmd", "piha/leader/home-assistant/events",
                "piha/leader/home-assistant/lease", "piha/leader/node-red/availability/pi-1",
                "piha/leader/node-red/sync_freeze", "piha/leader/alerts", "piha/leader/BAD SERVICE/state",
                "piha/leader/x/availability/", "other/topic");
    }

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> keys = Arbitraries.of("ts", "host_id", "epoch", "uptime_s", "event", "actor", "command",
                "id", "holder", "since", "sig", "issued_at", "expires_at", "target", "new_leader");
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.of("\"2025-10-05T22:15:00.481516+02:00\"",
                "\"2025-10-05T22:15:00\"", "\"2099-01-01T00:00:00Z\"", "null", "true", "-1", "1e308", "\"\"",
                "\"haos-primary\"", "\"promote\"", "[]", "{}", "\"a/b\"", "12345678901234567890"),
                Arbitraries.strings().ofMaxLength(20).map(s -> "\"" + s.replace("\\", "").replace("\"", "") + "\""));
        Arbitrary<String> pair = Combinators.combine(keys, values).as((k, v) -> "\"" + k + "\": " + v);
        return pair.list().ofMaxSize(8).map(l -> "{" + String.join(", ", l) + "}");
    }

    @Provide
    Arbitrary<LeadershipMessage> messages() {
        Arbitrary<ServiceName> service = Arbitraries.of("home-assistant", "node-red", "z2m_1").map(ServiceName::of);
        Arbitrary<HostId> host = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-', '.', '_')
                .ofMinLength(1).ofMaxLength(30).filter(s -> s.equals(s.strip())).map(HostId::of);
        Arbitrary<Instant> past = Arbitraries.longs().between(0, 10L * 365 * 24 * 3600 * 1000)
                .map(ms -> NOW.minusMillis(ms));
        Arbitrary<Epoch> epoch = Arbitraries.longs().between(0, Long.MAX_VALUE).map(Epoch::of);
        Arbitrary<String> word = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(16);

        Arbitrary<LeadershipMessage> state = Combinators.combine(service,
                Arbitraries.of(LeaderState.class).optional()).as(LeadershipMessage.StateChanged::new);
        // An agent's heartbeat (with an id) is signed with the codec's key and comes back authenticated.
        Arbitrary<LeadershipMessage> heartbeat = Combinators.combine(service, host, past,
                Arbitraries.longs().between(0, 1_000_000_000L).map(Duration::ofSeconds).optional(), word.optional(),
                epoch.optional(), word.optional()).as((s, h, t, u, v, e, id) -> new LeadershipMessage.HeartbeatPublished(s,
                new Heartbeat(h, t, u, v, e, id, id.isPresent())));
        Arbitrary<LeadershipMessage> plain = Combinators.combine(service, Arbitraries.of(CommandVerb.class))
                .as((s, v) -> new LeadershipMessage.CommandIssued(s, Command.plain(v)));
        Arbitrary<LeadershipMessage> envelope = Combinators.combine(service, Arbitraries.of(CommandVerb.class),
                word, host.optional(), epoch.optional(), word.optional(), host.optional()).as((s, v, id, t, e, r, off) -> {
                    Command.Builder b = Command.envelope(v, id).validBetween(NOW.minusSeconds(5), NOW.plusSeconds(60));
                    t.ifPresent(b::target);
                    off.ifPresent(b::confirmedOff);
                    e.ifPresent(b::epoch);
                    r.ifPresent(b::reason);
                    return new LeadershipMessage.CommandIssued(s, b.build());
                });
        Arbitrary<LeadershipMessage> event = Combinators.combine(service, past,
                Arbitraries.of(LeadershipEvent.PROMOTED, LeadershipEvent.DEMOTED, "custom_thing"), host,
                host.optional(), epoch.optional(), word.optional()).as((s, t, name, actor, nl, e, cid) ->
                new LeadershipMessage.EventRecorded(s, new LeadershipEvent(t, name, actor.value(), nl,
                        Optional.of("why"), e, cid, Map.of("detail", "x"))));
        Arbitrary<LeadershipMessage> lease = Combinators.combine(service, host, epoch, past,
                Arbitraries.longs().between(1, 86_400_000L).map(Duration::ofMillis).optional(), word.optional())
                .as((s, h, e, t, valid, renews) -> new LeadershipMessage.LeaseGranted(s,
                        new Lease(h, e, t, valid, valid.isPresent() ? renews : Optional.empty())));
        Arbitrary<LeadershipMessage> availability = Combinators.combine(service, host,
                Arbitraries.of(Availability.class)).as(LeadershipMessage.AvailabilityChanged::new);
        return Arbitraries.oneOf(state, heartbeat, plain, envelope, event, lease, availability);
    }
}
