package io.piha.testkit.mqtt;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * HiveMQ Community Edition, started in-process on 127.0.0.1 and a free port, with its config, data and
 * extensions folders in a temporary directory deleted on close; optionally with a TLS listener whose
 * certificate is signed by a throw-away home CA. Its own logging is quiet (warnings, to stderr).
 *
 * <p>By default the broker keeps sessions and retained messages on disk (HiveMQ's RocksDB and Xodus), so a
 * {@link #restart(boolean) restart} without wiping keeps them. {@link #startInMemory()} keeps them in memory only:
 * what the drill and the benchmarks use, so that the {@code piha} jar carries no RocksDB natives.
 */
public final class EmbeddedHiveMq implements TestBroker {

    private final int port = TestBroker.freePort();
    private final int tlsPort;
    private final Path home;
    private EmbeddedHiveMQ hivemq;

    private EmbeddedHiveMq(boolean tls, boolean inMemory) {
        try {
            home = Files.createTempDirectory("piha-hivemq-");
            Files.createDirectories(home.resolve("conf"));
            Files.createDirectories(home.resolve("extensions"));
            String tlsListener = "";
            if (tls) {
                tlsPort = TestBroker.freePort();
                SelfSignedCertificate.create(home.resolve("broker.p12"), home.resolve("ca.pem"));
                tlsListener = """
                        <tls-tcp-listener>
                          <port>%d</port>
                          <bind-address>127.0.0.1</bind-address>
                          <tls>
                            <keystore>
                              <path>%s</path>
                              <password>%s</password>
                              <private-key-password>%s</private-key-password>
                            </keystore>
                          </tls>
                        </tls-tcp-listener>
                        """.formatted(tlsPort, home.resolve("broker.p12"), SelfSignedCertificate.PASSWORD,
                        SelfSignedCertificate.PASSWORD);
            } else {
                tlsPort = -1;
            }
            Files.writeString(home.resolve("conf/config.xml"), """
                    <?xml version="1.0"?>
                    <hivemq>
                      <listeners>
                        <tcp-listener>
                          <port>%d</port>
                          <bind-address>127.0.0.1</bind-address>
                        </tcp-listener>
                        %s
                      </listeners>
                      <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                      %s
                    </hivemq>
                    """.formatted(port, tlsListener,
                    inMemory ? "<persistence><mode>in-memory</mode></persistence>" : ""));
            Files.writeString(home.resolve("conf/logback.xml"), """
                    <configuration>
                      <appender name="ERR" class="ch.qos.logback.core.ConsoleAppender"><target>System.err</target>
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n</pattern></encoder></appender>
                      <root level="WARN"><appender-ref ref="ERR"/></root>
                    </configuration>
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare HiveMQ folders", e);
        }
    }

    /** Starts a broker with a plain TCP listener and waits until it listens. */
    public static EmbeddedHiveMq start() {
        EmbeddedHiveMq b = new EmbeddedHiveMq(false, false);
        b.boot();
        return b;
    }

    /**
     * Starts a broker with a plain TCP listener that keeps sessions and retained messages in memory only (a
     * {@link #restart(boolean) restart} loses them), and waits until it listens. Needs neither RocksDB nor Xodus.
     */
    public static EmbeddedHiveMq startInMemory() {
        EmbeddedHiveMq b = new EmbeddedHiveMq(false, true);
        b.boot();
        return b;
    }

    /** Starts a broker with a plain and a TLS listener ({@link #tlsPort()}) and waits until it listens. */
    public static EmbeddedHiveMq startWithTls() {
        EmbeddedHiveMq b = new EmbeddedHiveMq(true, false);
        b.boot();
        return b;
    }

    private void boot() {
        try {
            Files.createDirectories(home.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the HiveMQ data folder", e);
        }
        hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(home.resolve("conf"))
                .withDataFolder(home.resolve("data"))
                .withExtensionsFolder(home.resolve("extensions"))
                .build();
        hivemq.start().join();
    }

    @Override
    public int port() {
        return port;
    }

    /**
     * The port of the TLS listener, whose certificate is {@link #caCertificate()}.
     *
     * @throws IllegalStateException if the broker was started without TLS
     */
    public int tlsPort() {
        if (tlsPort < 0) {
            throw new IllegalStateException("this broker has no TLS listener: start it with startWithTls()");
        }
        return tlsPort;
    }

    /** The PEM certificate a client must trust for the TLS listener, as a home CA. */
    public Path caCertificate() {
        return home.resolve("ca.pem");
    }

    @Override
    public String name() {
        return "HiveMQ CE";
    }

    @Override
    public void restart(boolean wipe) {
        stop();
        if (wipe) {
            delete(home.resolve("data"));
        }
        boot();
    }

    private void stop() {
        try {
            hivemq.stop().join();
            hivemq.close();
        } catch (Exception e) {
            throw new IllegalStateException("HiveMQ did not stop", e);
        }
    }

    @Override
    public void close() {
        stop();
        delete(home);
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
