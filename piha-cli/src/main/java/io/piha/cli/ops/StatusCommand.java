package io.piha.cli.ops;

import io.piha.cli.ExitCode;
import io.piha.mqtt.MqttBusConfig;
import io.piha.mqtt.MqttLeadershipBus;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code piha status}: what the control plane says about a service (its status page), or, when the page does not
 * answer, what the broker's retained topics say, saying so in one line first.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Prints the leader, its epoch, the freeze and its reason, each host and the last events of a "
                + "service, from the control plane's status page; when the page does not answer, says so and reads "
                + "the broker's retained messages instead.")
public final class StatusCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    BrokerOptions broker;

    @Option(names = "--status-url", defaultValue = "${env:PIHA_STATUS_URL:-http://127.0.0.1:8470/}",
            description = "The control plane's status page (default: $PIHA_STATUS_URL or ${DEFAULT-VALUE}).")
    URI statusUrl;

    @Option(names = "--events", defaultValue = "5",
            description = "How many of the last events to print (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--listen", defaultValue = "1500ms",
            description = "Without the status page: how long to collect retained messages, e.g. 1500ms or 3s "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration listen;

    @Option(names = "--stale-after", defaultValue = "90s",
            description = "Without the status page: a heartbeat older than this is not taken as a sign of life "
                    + "(default: ${DEFAULT-VALUE}, the contract's heartbeat timeout).")
    Duration staleAfter;

    @Option(names = "--json", description = "Print one JSON object for scripts (source, service, leader, epoch, frozen,"
            + " freeze_reason, heartbeat_age_s, hosts, events; null when unknown).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (events < 0 || listen.isNegative() || staleAfter.isNegative()) {
            throw new IllegalArgumentException("--events, --listen and --stale-after must not be negative, were "
                    + events + ", " + listen + ", " + staleAfter);
        }
        PrintWriter out = spec.commandLine().getOut();
        StatusPageClient page = new StatusPageClient(statusUrl);
        Optional<String> unanswered = page.fetch();
        if (unanswered.isEmpty()) {
            new StatusFromPage(broker.service(), page.document(), events, page.url()).print(out, json);
            return ExitCode.OK.code();
        }
        MqttBusConfig config = broker.config("piha-status", System.getenv());
        if (!json) {
            out.println("the control plane's status page " + page.url() + " does not answer (" + unanswered.get()
                    + "); reading the broker's retained topics instead");
        }
        StatusFromTopics topics = new StatusFromTopics(broker.service(), staleAfter, events);
        try (MqttLeadershipBus bus = MqttLeadershipBus.connect(config)) {
            LeadershipBusSubscription.collect(bus, broker.service(), topics, listen);
        }
        topics.print(out, json, Clock.systemUTC().instant(), broker.broker, page.url(), unanswered.get());
        return ExitCode.OK.code();
    }
}
