package io.piha.poe.rest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose connections set TCP_NODELAY, as device web servers answer in one segment: without it
 * MockWebServer's split header/body writes meet the client's delayed ACK and every request costs ~40 ms.
 */
final class NoDelayServerSockets extends ServerSocketFactory {

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new NoDelaySocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        NoDelaySocket socket = new NoDelaySocket();
        socket.bind(new java.net.InetSocketAddress(port));
        return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        NoDelaySocket socket = new NoDelaySocket();
        socket.bind(new java.net.InetSocketAddress(port), backlog);
        return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        NoDelaySocket socket = new NoDelaySocket();
        socket.bind(new java.net.InetSocketAddress(address, port), backlog);
        return socket;
    }

    private static final class NoDelaySocket extends ServerSocket {
        NoDelaySocket() throws IOException {
            super();
        }

        @Override
        public Socket accept() throws IOException {
            Socket socket = super.accept();
            socket.setTcpNoDelay(true);
            return socket;
        }
    }
}
