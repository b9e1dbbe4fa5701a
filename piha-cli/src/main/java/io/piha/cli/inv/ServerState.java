package io.piha.cli.inv;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * A running shared server ({@link SharedServer}) as its data directory describes it.
 *
 * @param port its loopback port
 * @param pid the process that keeps it
 * @param idleStop how long it stays up after the last command
 * @since 0.1
 */
public record ServerState(int port, long pid, Duration idleStop) {

    /** Whether its keeper still runs and its port still answers. */
    public boolean alive() {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }
}
