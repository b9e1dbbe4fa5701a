package io.piha.testkit.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between a client and a broker that can cut every connection abruptly, as a pulled cable
 * or a crashed host does: no DISCONNECT reaches the broker, so it publishes the client's Last Will.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int target;
    private final boolean refuseMqtt5;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile boolean blocked;

    /** A relay from a free port on 127.0.0.1 to {@code targetPort}. */
    public TcpProxy(int targetPort) {
        this(targetPort, false);
    }

    /**
     * A relay that, with {@code refuseMqtt5}, answers an MQTT 5 CONNECT as a broker from before MQTT 5
     * does (Mosquitto 1.4: CONNACK "unacceptable protocol version", then close) and relays 3.1.1.
     */
    public TcpProxy(int targetPort, boolean refuseMqtt5) {
        this.target = targetPort;
        this.refuseMqtt5 = refuseMqtt5;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("no port for the proxy", e);
        }
        Thread t = new Thread(this::acceptLoop, "tcp-proxy-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    /** The port clients connect to. */
    public int port() {
        return server.getLocalPort();
    }

    /** Cuts every connection and refuses new ones until {@link #unblock()}: a host cut off the network. */
    public void block() {
        blocked = true;
        cutAll();
    }

    /** Lets connections through again. */
    public void unblock() {
        blocked = false;
    }

    /** Cuts every open connection at once. */
    public void cutAll() {
        for (Socket s : sockets) {
            try {
                s.setSoLinger(true, 0); // RST, not FIN: as abrupt as it gets
                s.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        sockets.clear();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (blocked) {
                    client.setSoLinger(true, 0);
                    client.close();
                    continue;
                }
                byte[] connect = refuseMqtt5 ? readPacket(client.getInputStream()) : new byte[0];
                if (connect.length > 0 && isMqtt5Connect(connect)) {
                    client.getOutputStream().write(new byte[] {0x20, 0x02, 0x00, 0x01});
                    client.getOutputStream().flush();
                    client.close();
                    continue;
                }
                Socket broker = new Socket();
                broker.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 2000);
                broker.getOutputStream().write(connect);
                sockets.add(client);
                sockets.add(broker);
                pump(client, broker);
                pump(broker, client);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /** One MQTT control packet: fixed header, variable-length remaining length, body. */
    private static byte[] readPacket(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(in.read());
        int length = 0;
        int shift = 0;
        int b;
        do {
            b = in.read();
            if (b < 0) {
                throw new IOException("connection closed inside a packet header");
            }
            out.write(b);
            length |= (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        out.write(in.readNBytes(length));
        return out.toByteArray();
    }

    /** CONNECT whose protocol level (after the name "MQTT") is 5. */
    private static boolean isMqtt5Connect(byte[] packet) {
        int i = 1;
        while ((packet[i] & 0x80) != 0) {
            i++;
        }
        return (packet[0] & 0xf0) == 0x10 && packet.length > i + 7 && packet[i + 7] == 5;
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side went away; closing both below
            } finally {
                quietlyClose(from);
                quietlyClose(to);
            }
        }, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void quietlyClose(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    @Override
    public void close() {
        closed = true;
        cutAll();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
