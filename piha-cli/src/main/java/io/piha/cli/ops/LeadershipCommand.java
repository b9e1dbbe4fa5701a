package io.piha.cli.ops;

import io.piha.api.Durations;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.LeadershipBusException;
import io.piha.api.leadership.LeadershipEvent;
import io.piha.api.leadership.LeadershipListener;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.cli.ExitCode;
import io.piha.mqtt.MqttLeadershipBus;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code piha promote|demote|freeze|thaw}: sends one leadership command as an envelope (id, target, actor,
 * expiry) and waits for the event that answers it: the control plane's grant or refusal, or an agent's
 * acknowledgement. Exit codes ({@link ExitCode}): 0 answered, 3 no answer in time, 4 refused, 5 broker unreachable.
 */
@picocli.CommandLine.Command(mixinStandardHelpOptions = true)
public final class LeadershipCommand implements Callable<Integer> {

    /** How long the broker has to confirm the publication. */
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    BrokerOptions broker;

    @Option(names = {"-t", "--target"}, description = "Host the command is for (default: the control plane decides,"
            + " e.g. the standby for promote).")
    String target;

    @Option(names = {"-r", "--reason"}, description = "Why, for the audit trail (e.g. drill).")
    String reason;

    @Option(names = "--wait", defaultValue = "10s",
            description = "How long to wait for an answer, e.g. 10s or 2m (default: ${DEFAULT-VALUE}).")
    Duration wait;

    private final CommandVerb verb;

    private LeadershipCommand(CommandVerb verb) {
        this.verb = verb;
    }

    /** The subcommand for one verb, with its description. */
    public static picocli.CommandLine forVerb(CommandVerb verb) {
        picocli.CommandLine cli = new picocli.CommandLine(new LeadershipCommand(verb));
        cli.getCommandSpec().usageMessage().description(DESCRIPTIONS.get(verb));
        return cli;
    }

    private static final java.util.Map<CommandVerb, String> DESCRIPTIONS = java.util.Map.of(
            CommandVerb.PROMOTE, "Asks the control plane to grant leadership to --target (or the standby) now, "
                    + "even while frozen or while heartbeats are fresh (drills).",
            CommandVerb.DEMOTE, "Demotes the leader: the service goes into maintenance and leadership is handed "
                    + "to the other host when it answers (return to primary).",
            CommandVerb.FREEZE, "Freezes automatic promotion; an explicit promote still goes through.",
            CommandVerb.THAW, "Ends a freeze; a failover the freeze blocked resumes.");

    CommandVerb verb() {
        return verb;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Instant now = Clock.systemUTC().instant();
        Command.Builder b = Command.envelope(verb(), "cli-" + UUID.randomUUID().toString().substring(0, 8))
                .actor("operator:" + System.getProperty("user.name", "unknown")).validBetween(now, now.plus(Duration.ofMinutes(1)));
        if (target != null) {
            b.target(HostId.of(target));
        }
        if (reason != null) {
            b.reason(reason);
        }
        Command command = b.build();
        try (MqttLeadershipBus bus = MqttLeadershipBus.connect(broker.config("piha-cli", System.getenv()))) {
            CompletableFuture<LeadershipEvent> answer = new CompletableFuture<>();
            io.piha.api.leadership.LeadershipBus.Subscription sub = bus.subscribe(broker.service(), (LeadershipListener) m -> {
                if (m instanceof LeadershipMessage.EventRecorded e && e.event().commandId().equals(command.id())) {
                    answer.complete(e.event());
                }
            });
            try {
                publish(bus, command);
                out.println("sent " + verb.wire() + (target == null ? "" : " of " + target) + " for " + broker.service()
                        + " via " + broker.broker + " (command " + command.id().orElseThrow() + ")");
                return report(out, answer);
            } finally {
                sub.close();
            }
        }
    }

    private void publish(MqttLeadershipBus bus, Command command) throws InterruptedException, ExecutionException {
        try {
            bus.publish(new LeadershipMessage.CommandIssued(broker.service(), command)).toCompletableFuture()
                    .get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new LeadershipBusException("the broker " + broker.broker + " did not confirm the command within "
                    + Durations.format(PUBLISH_TIMEOUT), e);
        }
    }

    private int report(PrintWriter out, CompletableFuture<LeadershipEvent> answer) throws InterruptedException, ExecutionException {
        try {
            LeadershipEvent e = answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            String what = e.event() + " by " + e.actor() + e.reason().map(r -> ": " + r).orElse("")
                    + e.newLeader().map(h -> " (leader " + h + e.epoch().map(x -> " at epoch " + x).orElse("") + ")").orElse("");
            if (LeadershipEvent.REJECTED.equals(e.event())) {
                spec.commandLine().getErr().println("refused: " + what);
                return ExitCode.REFUSED.code();
            }
            out.println("answered: " + what);
            return ExitCode.OK.code();
        } catch (TimeoutException e) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": no answer within " + Durations.format(wait)
                    + "; is the control plane running and connected to " + broker.broker + "?");
            return ExitCode.INCOMPLETE.code();
        }
    }
}
