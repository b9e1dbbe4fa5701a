package io.piha.testkit.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A real MQTT broker started by the tests on 127.0.0.1 and a free port. */
public interface TestBroker extends AutoCloseable {

    /** The address to connect to. */
    default String host() {
        return "127.0.0.1";
    }

    /** The port it listens on; the same across restarts. */
    int port();

    /** A name for test reports, e.g. {@code HiveMQ CE} or {@code Mosquitto}. */
    String name();

    /** Stops and starts again on the same port; with {@code wipe}, its stored retained messages are lost. */
    void restart(boolean wipe);

    /** Stops the broker for good. */
    @Override
    void close();

    /** A port that is free now on 127.0.0.1. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
