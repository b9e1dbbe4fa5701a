package io.piha.cli.ops;

import io.piha.api.Durations;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Heartbeat;
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
 * expiry, and for promote the host the operator confirms is off) and waits for the event that answers it: the
 * control plane's grant or refusal, or an agent's acknowledgement. The control plane speaks to v1 hosts in their
 * plain verbs itself. Before a promote or demote it says so when the leader is a v1 host (its retained heartbeat
 * carries no epoch): such a host cannot step down, so its port is switched off first. Exit codes ({@link ExitCode}):
 * 0 answered, 3 no answer in time, 4 refused, 5 broker unreachable.
 */
@picocli.CommandLine.Command(mixinStandardHelpOptions = true)
public final class LeadershipCommand implements Callable<Integer> {

    /** How long the broker has to confirm the publication. */
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);
    /** How long to wait for the retained heartbeat that tells who leads, and how. */
    private static final Duration RETAINED_WAIT = Duration.ofMillis(500);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    BrokerOptions broker;

    @Option(names = {"-t", "--target"}, description = "Host the command is for (default: the control plane decides,"
            + " e.g. the standby for promote).")
    String target;

    @Option(names = {"-r", "--reason"}, description = "Why, for the audit trail (e.g. drill).")
    String reason;

    @Option(names = "--confirm-off", paramLabel = "HOST", description = "promote only: you confirm HOST is off"
            + " (unplugged, or switched off at its socket); it stands in for the fence the control plane could not do.")
    String confirmOff;

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
                    + "even while frozen or while heartbeats are fresh (drills); the old leader is fenced first unless "
                    + "it can step down, or you --confirm-off it.",
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
        Command command = command();
        try (MqttLeadershipBus bus = MqttLeadershipBus.connect(broker.config("piha-cli", System.getenv()))) {
            CompletableFuture<LeadershipEvent> answer = new CompletableFuture<>();
            CompletableFuture<Heartbeat> heartbeat = new CompletableFuture<>();
            io.piha.api.leadership.LeadershipBus.Subscription sub = bus.subscribe(broker.service(), (LeadershipListener) m -> {
                if (m instanceof LeadershipMessage.EventRecorded e && e.event().commandId().equals(command.id())) {
                    answer.complete(e.event());
                } else if (m instanceof LeadershipMessage.HeartbeatPublished h) {
                    heartbeat.complete(h.heartbeat());
                }
            });
            try {
                if (verb == CommandVerb.PROMOTE || verb == CommandVerb.DEMOTE) {
                    v1Leader(heartbeat).ifPresent(host -> out.println(host + " leads as a v1 host (its heartbeat carries"
                            + " no epoch) and cannot step down: the control plane switches its port off first"));
                }
                publish(bus, command);
                out.println("sent " + verb.wire() + (target == null ? "" : " of " + target) + " for " + broker.service()
                        + " via " + broker.broker + " (command " + command.id().orElseThrow() + ")");
                return report(out, answer);
            } finally {
                sub.close();
            }
        }
    }

    private Command command() {
        if (confirmOff != null && verb != CommandVerb.PROMOTE) {
            throw new IllegalArgumentException("--confirm-off goes with promote only (the host you confirm is off, so"
                    + " that another may lead)");
        }
        Instant now = Clock.systemUTC().instant();
        Command.Builder b = Command.envelope(verb(), "cli-" + UUID.randomUUID().toString().substring(0, 8))
                .actor("operator:" + System.getProperty("user.name", "unknown")).validBetween(now, now.plus(Duration.ofMinutes(1)));
        if (target != null) {
            b.target(HostId.of(target));
        }
        if (confirmOff != null) {
            b.confirmedOff(HostId.of(confirmOff));
        }
        if (reason != null) {
            b.reason(reason);
        }
        return b.build();
    }

    /**
     * The leader the command acts against, if it is a v1 host that the control plane must switch off: the sender of
     * the retained heartbeat when it carries no epoch, unless it is the promote's own target or confirmed off.
     */
    private java.util.Optional<HostId> v1Leader(CompletableFuture<Heartbeat> retained) throws InterruptedException {
        Heartbeat hb;
        try {
            hb = retained.get(RETAINED_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException nothingRetained) {
            return java.util.Optional.empty();
        }
        String leader = hb.host().value();
        boolean spared = leader.equals(confirmOff) || (verb == CommandVerb.PROMOTE && leader.equals(target));
        return hb.epoch().isEmpty() && !spared ? java.util.Optional.of(hb.host()) : java.util.Optional.empty();
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
