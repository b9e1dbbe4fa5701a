package io.piha.poe.snmp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's net-snmp {@code snmpd}, started on 127.0.0.1 with a configuration this class writes: a read-only and
 * a read-write community, one USM user per protocol pair it is given, and a writable POWER-ETHERNET-MIB table
 * served by a pass_persist script. Absent snmpd skips the test with the reason, unless
 * {@code PIHA_REQUIRE_SNMPD=true} (CI) makes it fail.
 */
final class NetSnmpAgent implements AutoCloseable {

    static final Path SNMPD = Path.of("/usr/sbin/snmpd");
    static final Path SNMPGET = Path.of("/usr/bin/snmpget");
    static final String READ_COMMUNITY = "public-ro-9";
    static final String WRITE_COMMUNITY = "private-rw-9";

    /** A USM user of the agent; {@code priv} empty for authNoPriv. Protocol words are net-snmp's. */
    record User(String name, String auth, String authKey, Optional<String> priv, String privKey) {
    }

    private final Path dir;
    private final int port;
    private final Process process;

    private NetSnmpAgent(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts snmpd, or skips the calling test (fails it under {@code PIHA_REQUIRE_SNMPD=true}). */
    static NetSnmpAgent start(Path dir, List<User> users) throws IOException, InterruptedException {
        boolean present = Files.isExecutable(SNMPD) && Files.isExecutable(SNMPGET);
        if (!present && "true".equals(System.getenv("PIHA_REQUIRE_SNMPD"))) {
            throw new IllegalStateException("PIHA_REQUIRE_SNMPD=true but " + SNMPD + " or " + SNMPGET
                    + " is missing: apt-get install snmpd snmp");
        }
        assumeTrue(present, "Debian's net-snmp is not installed (apt-get install snmpd snmp); "
                + "set PIHA_REQUIRE_SNMPD=true to make this a failure");
        Path script = dir.resolve("peth-pass-persist.sh");
        try (InputStream in = NetSnmpAgent.class.getResourceAsStream("/netsnmp/peth-pass-persist.sh")) {
            Files.write(script, in.readAllBytes());
        }
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        int port = freeUdpPort();
        Path conf = dir.resolve("snmpd.conf");
        Files.writeString(conf, config(port, users, script), StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("persist"));
        ProcessBuilder builder = new ProcessBuilder(SNMPD.toString(), "-f", "-Lo", "-C", "-c", conf.toString(),
                "-p", dir.resolve("snmpd.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("snmpd.log").toFile());
        builder.environment().putAll(Map.of("SNMP_PERSISTENT_DIR", dir.resolve("persist").toString(), "MIBS", ""));
        NetSnmpAgent agent = new NetSnmpAgent(dir, port, builder.start());
        agent.awaitReady();
        return agent;
    }

    private static String config(int port, List<User> users, Path script) {
        StringBuilder c = new StringBuilder("agentAddress udp:127.0.0.1:" + port + "\n"
                + "rocommunity " + READ_COMMUNITY + " 127.0.0.1\n"
                + "rwcommunity " + WRITE_COMMUNITY + " 127.0.0.1\n");
        for (User u : users) {
            c.append("createUser ").append(u.name()).append(' ').append(u.auth()).append(" \"").append(u.authKey())
                    .append('"').append(u.priv().map(p -> " " + p + " \"" + u.privKey() + "\"").orElse(""))
                    .append('\n').append("rwuser ").append(u.name()).append(u.priv().isPresent() ? " priv" : " auth")
                    .append('\n');
        }
        return c.append("pass_persist .1.3.6.1.2.1.105 ").append(script).append('\n').toString();
    }

    /** The agent, in the address syntax of PiHA's configuration. */
    String address() {
        return "127.0.0.1:" + port;
    }

    /** {@code snmpget} of one OID with the given security arguments; the value as net-snmp prints it. */
    String snmpget(List<String> security, String oid) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SNMPGET.toString(), "-On", "-Oqv", "-t", "2", "-r", "1"));
        command.addAll(security);
        command.add(address());
        command.add(oid);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("MIBS", "");
        Process get = builder.start();
        String out = new String(get.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!get.waitFor(10, TimeUnit.SECONDS) || get.exitValue() != 0) {
            throw new IllegalStateException("snmpget failed: " + out);
        }
        return out;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        IllegalStateException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("snmpd exited with " + process.exitValue() + ": " + log());
            }
            try {
                snmpget(List.of("-v2c", "-c", READ_COMMUNITY), ".1.3.6.1.2.1.105.1.1.1.3.1.1");
                return;
            } catch (IllegalStateException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("snmpd did not answer within 20 s: " + last + "; log: " + log());
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("snmpd.log"), StandardCharsets.UTF_8);
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while stopping snmpd", e));
        }
    }
}
