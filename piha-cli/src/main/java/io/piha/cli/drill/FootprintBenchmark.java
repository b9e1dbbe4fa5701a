package io.piha.cli.drill;

import io.piha.testkit.homeassistant.SimulatedHomeAssistant;
import io.piha.testkit.mqtt.EmbeddedHiveMq;
import io.piha.api.leadership.HostId;
import io.piha.cli.ServiceJvm;
import io.piha.api.leadership.ServiceName;
import io.piha.testkit.poe.SimulatedPoeSwitch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Start-up time and resident memory of {@code piha control-plane} in its own JVM with the launcher's service flags
 * ({@link ServiceJvm}), and with {@code -Xmx64m} alone, beside an idle JVM from the same jar with the service flags
 * (the baseline), against the drill's broker, SNMP switch and Home Assistant endpoints. Start-up is from process
 * start to the control plane's "runs" line; memory is VmRSS from /proc after 5 s of running (Linux only).
 */
public final class FootprintBenchmark {

    private FootprintBenchmark() {
    }

    /** Runs {@code rounds} of each and prints medians. */
    public static void run(PrintWriter out, int rounds) {
        Path jar = jar();
        Clock clock = Clock.systemUTC();
        try (EmbeddedHiveMq broker = EmbeddedHiveMq.startInMemory();
             SimulatedPoeSwitch poe = SimulatedPoeSwitch.builder().ports(1, 4).start();
             SimulatedHomeAssistant primary = host("haos-primary", true, broker.port(), clock);
             SimulatedHomeAssistant standby = host("haos-standby", false, broker.port(), clock)) {
            primary.leadAsV1();
            Path dir = Files.createTempDirectory("piha-footprint-");
            Path config = dir.resolve("control-plane.yaml");
            Files.writeString(config, yaml(broker.port(), primary, standby, poe, dir));
            measure(out, rounds, jar, List.of("-cp", jar.toString(), "io.piha.cli.Piha", "control-plane", "--config",
                    config.toString(), "--state-dir", dir.resolve("state").toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void measure(PrintWriter out, int rounds, Path jar, List<String> controlPlane) throws IOException {
        List<String> service = ServiceJvm.flags();
        List<long[]> idle = new ArrayList<>();
        List<long[]> plain = new ArrayList<>();
        List<long[]> small = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            idle.add(measure(java(service, List.of("-cp", jar.toString(), IdleJvm.class.getName())), "ready"));
            plain.add(measure(java(List.of("-Xmx64m"), controlPlane), "control plane"));
            small.add(measure(java(service, controlPlane), "control plane"));
        }
        out.printf("%-44s %12s %12s%n", "median of " + rounds, "start-up ms", "RSS MiB");
        row(out, "idle JVM, service flags (baseline)", idle);
        row(out, "piha control-plane, 1 service, -Xmx64m only", plain);
        row(out, "piha control-plane, service flags (./piha)", small);
        out.println("service flags: " + String.join(" ", service));
        out.flush();
    }

    private static void row(PrintWriter out, String what, List<long[]> runs) {
        out.printf("%-44s %12d %12.1f%n", what, median(runs, 0), median(runs, 1) / 1024.0);
    }

    /** The same Java as this JVM's, with {@code flags} and then {@code args}. */
    private static List<String> java(List<String> flags, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(args);
        return command;
    }

    /** Returns {start-up ms, RSS KiB}. */
    private static long[] measure(List<String> command, String readyLine) throws IOException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null && !line.contains(readyLine)) {
                // skip log lines until ready
            }
            if (line == null) {
                throw new IllegalStateException("process ended before it was ready: " + command);
            }
            long startup = Duration.ofNanos(System.nanoTime() - start).toMillis();
            Thread drain = new Thread(() -> {
                try {
                    r.lines().forEach(l -> { });
                } catch (UncheckedIOException closedWhenKilled) {
                    // the process was destroyed: nothing more to read
                }
            });
            drain.setDaemon(true);
            drain.start();
            Thread.sleep(5000);
            return new long[] {startup, rssKib(p.pid())};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            p.destroy();
        }
    }

    private static long rssKib(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for pid " + pid);
    }

    private static long median(List<long[]> xs, int i) {
        List<Long> v = new ArrayList<>();
        xs.forEach(x -> v.add(x[i]));
        Collections.sort(v);
        return v.get(v.size() / 2);
    }

    private static Path jar() {
        try {
            return Path.of(FootprintBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SimulatedHomeAssistant host(String id, boolean participant, int port, Clock clock) {
        return new SimulatedHomeAssistant(HostId.of(id), ServiceName.HOME_ASSISTANT, DrillHome.TOKEN, participant, port,
                Duration.ofSeconds(30), clock, s -> { });
    }

    private static String yaml(int brokerPort, SimulatedHomeAssistant primary, SimulatedHomeAssistant standby,
                               SimulatedPoeSwitch poe, Path dir) {
        return """
                site: footprint
                actor: nas
                broker: {url: "mqtt://127.0.0.1:%d", client_id: piha-footprint}
                services:
                  - {name: home-assistant, primary: haos-primary, standby: haos-standby, fencing: power_off}
                hosts:
                  - id: haos-primary
                    probes: [{type: supervisor, url: "%s/supervisor/ping"}]
                    poe: {switch: rack, port: haos-primary}
                  - id: haos-standby
                    probes: [{type: home_assistant, url: "%s/api/"}]
                    poe: {switch: rack, port: haos-standby}
                switches:
                  - name: rack
                    type: snmp
                    address: "%s"
                    credentials: {community: private}
                    ports: {haos-primary: "1.1", haos-standby: "1.2", nas: "1.4"}
                    protected: [nas]
                status: {enabled: true, bind: 127.0.0.1, port: %d}
                audit: {file: "%s", fsync: false, syslog: false}
                """.formatted(brokerPort, primary.base(), standby.base(), poe.address().replace("udp:", "").replace("/", ":"),
                io.piha.testkit.mqtt.TestBroker.freePort(), dir.resolve("audit.jsonl"));
    }
}
