package io.piha.examples.drill;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * HiveMQ Community Edition started in-process on 127.0.0.1 and a free port, with its folders in a temporary
 * directory that is deleted on close: the drill's broker, so that nothing needs installing.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final Path home;
    private final int port;
    private final EmbeddedHiveMQ hivemq;

    private EmbeddedBroker(Path home, int port, EmbeddedHiveMQ hivemq) {
        this.home = home;
        this.port = port;
        this.hivemq = hivemq;
    }

    /** Starts a broker and waits until it listens. */
    public static EmbeddedBroker start() {
        try {
            Path home = Files.createTempDirectory("piha-broker-");
            int port = freePort();
            for (String dir : new String[] {"conf", "data", "extensions"}) {
                Files.createDirectories(home.resolve(dir));
            }
            Files.writeString(home.resolve("conf/config.xml"), """
                    <?xml version="1.0"?>
                    <hivemq>
                      <listeners>
                        <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                      </listeners>
                      <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                    </hivemq>
                    """.formatted(port));
            EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder().withConfigurationFolder(home.resolve("conf"))
                    .withDataFolder(home.resolve("data")).withExtensionsFolder(home.resolve("extensions")).build();
            hivemq.start().join();
            return new EmbeddedBroker(home, port, hivemq);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded broker's folders", e);
        }
    }

    /** The broker's TCP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    @Override
    public void close() {
        try {
            hivemq.stop().join();
            hivemq.close();
        } catch (Exception e) {
            throw new IllegalStateException("the embedded broker did not stop", e);
        } finally {
            try (Stream<Path> paths = Files.walk(home)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary folder left behind is harmless
            }
        }
    }
}
