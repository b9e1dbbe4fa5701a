package io.piha.testkit.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Debian's Mosquitto, started as a child process with a generated config, persistence in a temp dir. */
public final class Mosquitto implements TestBroker {

    /** CI sets this to {@code true}: a missing binary then fails instead of skipping. */
    public static final String REQUIRE_ENV = "PIHA_REQUIRE_MOSQUITTO";

    /** The password of user {@code piha} on the secured listener. */
    public static final String PASSWORD = "mosquitto-test-only";

    private final int port = TestBroker.freePort();
    private final int securedPort = TestBroker.freePort();
    private final Path home;
    private final Path binary;
    private Process process;

    private final Optional<AccessControl> access;
    private volatile boolean persistence = true;

    /**
     * A broker that checks who publishes what: one listener, no anonymous clients, Mosquitto's own password and ACL
     * files.
     *
     * @param passwordFile a file written by {@code mosquitto_passwd}
     * @param aclFile a Mosquitto ACL file
     */
    public record AccessControl(Path passwordFile, Path aclFile) {
    }

    private Mosquitto(Path binary, Optional<AccessControl> access) {
        this.binary = binary;
        this.access = access;
        try {
            home = Files.createTempDirectory("piha-mosquitto-");
            if (access.isEmpty()) {
                Path passwords = home.resolve("passwords");
                Files.writeString(passwords, "piha:" + PASSWORD + "\n");
                hashPasswords(passwords);
            }
            writeConfig();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Mosquitto config", e);
        }
    }

    private void writeConfig() throws IOException {
        String listeners = access.map(a -> """
                listener %d 127.0.0.1
                allow_anonymous false
                password_file %s
                acl_file %s
                """.formatted(port, a.passwordFile(), a.aclFile())).orElseGet(() -> """
                per_listener_settings true
                listener %d 127.0.0.1
                allow_anonymous true
                listener %d 127.0.0.1
                allow_anonymous false
                password_file %s
                """.formatted(port, securedPort, home.resolve("passwords")));
        Files.writeString(home.resolve("mosquitto.conf"), "user " + System.getProperty("user.name") + "\n" + listeners
                + """
                persistence %s
                persistence_location %s/
                log_dest file %s/mosquitto.log
                log_type error
                log_type warning
                """.formatted(persistence, home, home));
    }

    /**
     * Whether the broker keeps retained messages and sessions across its restarts (on by default, as Debian ships
     * it). Takes effect at the next {@link #restart(boolean)}: switched off, a restart loses every retained message.
     */
    public void persistence(boolean on) {
        persistence = on;
        try {
            writeConfig();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the Mosquitto config in " + home, e);
        }
    }

    /** A listener that requires user {@code piha} with {@link #PASSWORD} (without {@link AccessControl}). */
    public int securedPort() {
        return securedPort;
    }

    private static void hashPasswords(Path file) throws IOException {
        Process p = new ProcessBuilder("mosquitto_passwd", "-U", file.toString()).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("mosquitto_passwd failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The mosquitto binary, if installed. */
    public static Optional<Path> binary() {
        return Stream.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto",
                        "/usr/local/bin/mosquitto", "/opt/homebrew/sbin/mosquitto")
                .map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** Why a test is skipped when the binary is missing and not {@link #required()}. */
    public static final String SKIPPED = "mosquitto is not installed (apt-get install -y mosquitto); set " + REQUIRE_ENV
            + "=true to fail instead of skipping";

    /**
     * The mosquitto binary, if installed; a test skips without it ({@link #SKIPPED}).
     *
     * @throws IllegalStateException if it is missing and {@link #required()}
     */
    public static Optional<Path> binaryUnlessRequired() {
        Optional<Path> binary = binary();
        if (binary.isEmpty() && required()) {
            throw new IllegalStateException("mosquitto is not installed but " + REQUIRE_ENV + "=true: install it "
                    + "(apt-get install -y mosquitto)");
        }
        return binary;
    }

    /** Whether a missing binary must fail the build (CI) rather than skip. */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv(REQUIRE_ENV));
    }

    /** Starts Mosquitto and waits until it accepts connections. */
    public static Mosquitto start(Path binary) {
        Mosquitto m = new Mosquitto(binary, Optional.empty());
        m.boot();
        return m;
    }

    /** Starts Mosquitto with only {@code access}'s users and rules on {@link #port()}, and waits until it listens. */
    public static Mosquitto start(Path binary, AccessControl access) {
        Mosquitto m = new Mosquitto(binary, Optional.of(access));
        m.boot();
        return m;
    }

    private void boot() {
        try {
            process = new ProcessBuilder(binary.toString(), "-c", home.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true).redirectOutput(home.resolve("stdout.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ": " + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host(), port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new IllegalStateException("mosquitto did not listen on " + port + " within 10 s: " + log());
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(20); // waiting for a child process to bind its port
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String log() {
        try {
            return Files.readString(home.resolve("stdout.log")) + Files.readString(home.resolve("mosquitto.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String name() {
        return "Mosquitto";
    }

    @Override
    public void restart(boolean wipe) {
        stop();
        if (wipe) {
            try {
                Files.deleteIfExists(home.resolve("mosquitto.db"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        boot();
    }

    private void stop() {
        process.destroy(); // SIGTERM: mosquitto saves its persistence file on the way out
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        EmbeddedHiveMq.delete(home);
    }
}
