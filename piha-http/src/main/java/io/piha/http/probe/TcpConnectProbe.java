package io.piha.http.probe;

import io.piha.api.health.HealthProbe;
import io.piha.api.health.ProbeResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Opens a TCP connection and closes it again: up when the port accepts, e.g. a broker's 1883 or SSH's 22.
 * Thread-safe.
 *
 * @since 0.1
 */
public final class TcpConnectProbe implements HealthProbe {

    private final String description;
    private final String host;
    private final int port;
    private final Duration timeout;
    private final Clock clock;

    /**
     * @param description what is probed
     * @param host host name or address
     * @param port TCP port, 1-65535
     * @param timeout connect timeout; positive
     * @param clock the clock of the results
     * @throws IllegalArgumentException if the port is out of range or the timeout not positive
     */
    public TcpConnectProbe(String description, String host, int port, Duration timeout, Clock clock) {
        this.description = Objects.requireNonNull(description, "description");
        this.host = Objects.requireNonNull(host, "host");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("TCP port must be 1-65535, was " + port);
        }
        if (timeout.isZero() || timeout.isNegative() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connect timeout must be positive, was " + timeout);
        }
        this.port = port;
    }

    @Override
    public String describe() {
        return description + " (tcp://" + host + ":" + port + ")";
    }

    @Override
    public ProbeResult probe() {
        long start = System.nanoTime();
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            return unreachable(start, "cannot resolve " + host);
        }
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) timeout.toMillis());
            return new ProbeResult.Up(clock.instant(), since(start), "port " + port + " accepts connections");
        } catch (SocketTimeoutException e) {
            return unreachable(start, "no connection within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            return unreachable(start, "refused the connection");
        } catch (IOException e) {
            return unreachable(start, "failed: " + e.getMessage());
        }
    }

    private ProbeResult unreachable(long start, String why) {
        return new ProbeResult.Unreachable(clock.instant(), since(start), host + ":" + port + " " + why);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
