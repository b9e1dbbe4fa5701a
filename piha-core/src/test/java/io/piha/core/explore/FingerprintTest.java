package io.piha.core.explore;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.core.arbiter.ArbiterInput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Equal situations collapse into one fingerprint, whenever they happen; different ones do not. */
class FingerprintTest {

    private final Model model = Scenarios.real();

    private World replay(Instant start, List<Choice> choices) {
        World w = model.fresh(start, Scenarios.UNLIMITED);
        for (Choice c : choices) {
            w = model.apply(w, c, Model.SILENT).world();
        }
        return w;
    }

    @Test
    void theSameHistoryAnHourLaterIsTheSameSituation() {
        List<Choice> history = new ArrayList<>(Scenarios.settled(model).path().choices());
        history.add(new Choice.Hang(0));
        history.add(new Choice.Advance(false));

        World now = replay(Scenarios.T0, history);
        World later = replay(Scenarios.T0.plus(Duration.ofHours(1)), history);

        assertThat(later.now()).isEqualTo(now.now().plus(Duration.ofHours(1)));
        assertThat(Fingerprint.of(later, model.policy())).isEqualTo(Fingerprint.of(now, model.policy()));
    }

    @Test
    void theOrderOfMessagesInFlightDoesNotMatter() {
        World w = Scenarios.settled(model).world();
        World busy = model.apply(w, new Choice.Operator(io.piha.api.leadership.CommandVerb.PROMOTE, 1), Model.SILENT)
                .world();
        busy = model.apply(busy, new Choice.Deliver(Choice.Recipient.ARBITER, 0, false), Model.SILENT).world();
        busy = model.apply(busy, new Choice.CarryOut(List.of()), Model.SILENT).world();
        busy = model.apply(busy, new Choice.Deliver(Choice.Recipient.PRIMARY, 0, false), Model.SILENT).world();
        List<ArbiterInput> items = busy.toArbiter().items();
        assertThat(items).as("the primary's new state and its acknowledgement, on their way").hasSize(2);
        World b = busy;
        World swapped = new World(b.now(), b.arbiter(), b.pending(), b.hosts(), new World.Inbox<>(reverse(items)),
                b.toPrimary(), b.toStandby(), b.retained(), b.ghost(), b.budget());

        assertThat(Fingerprint.of(swapped, model.policy())).isEqualTo(Fingerprint.of(busy, model.policy()));
    }

    @Test
    void aHungHostOrAMessageLessIsAnotherSituation() {
        World w = Scenarios.settled(model).world();
        World hung = model.apply(w, new Choice.Hang(0), Model.SILENT).world();
        World beating = model.apply(w, new Choice.FireHeartbeat(0), Model.SILENT).world();

        assertThat(Set.of(Fingerprint.of(w, model.policy()), Fingerprint.of(hung, model.policy()),
                Fingerprint.of(beating, model.policy()))).hasSize(3);
    }

    private static <T> List<T> reverse(List<T> items) {
        List<T> out = new ArrayList<>(items);
        Collections.reverse(out);
        return out;
    }
}
