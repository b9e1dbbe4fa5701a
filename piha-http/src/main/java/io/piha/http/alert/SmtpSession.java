package io.piha.http.alert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One SMTP conversation (RFC 5321) on the JDK's sockets: greeting, EHLO, STARTTLS (RFC 3207) or implicit TLS, AUTH
 * PLAIN or LOGIN (RFC 4954), one message, QUIT. The server's host name is verified against its certificate. Not
 * thread-safe: one session per message.
 */
final class SmtpSession implements AutoCloseable {

    private final String host;
    private final SSLSocketFactory tls;
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;
    private List<String> extensions = List.of();

    private SmtpSession(String host, SSLSocketFactory tls) {
        this.host = host;
        this.tls = tls;
    }

    /**
     * Connects, reads the greeting and says EHLO; with {@code implicitTls} the connection is TLS from the first byte.
     *
     * @throws SmtpException if the server refuses or answers what SMTP does not allow
     * @throws IOException if the connection fails
     */
    static SmtpSession open(String host, int port, boolean implicitTls, SSLSocketFactory tls, Duration timeout)
            throws IOException {
        SmtpSession s = new SmtpSession(host, tls);
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
        plain.setSoTimeout((int) timeout.toMillis());
        s.attach(implicitTls ? s.handshake(plain) : plain);
        s.expect(220, "greeting");
        s.ehlo();
        return s;
    }

    /**
     * Upgrades the connection with STARTTLS and says EHLO again.
     *
     * @throws SmtpException if the server does not offer STARTTLS: nothing is then sent in clear
     */
    void startTls() throws IOException {
        if (!offers("STARTTLS")) {
            throw new SmtpException("the server " + host + " does not offer STARTTLS; nothing was sent in clear "
                    + "(use security: smtps if it speaks TLS from the start)");
        }
        command("STARTTLS", 220);
        attach(handshake(socket));
        ehlo();
    }

    /** Logs in with AUTH PLAIN, or LOGIN if that is all the server offers. */
    void authenticate(String username, String password) throws IOException {
        String mechanisms = extensions.stream().filter(e -> e.toUpperCase(Locale.ROOT).startsWith("AUTH"))
                .findFirst().orElseThrow(() -> new SmtpException("the server " + host + " offers no AUTH"))
                .toUpperCase(Locale.ROOT);
        if (mechanisms.contains("PLAIN")) {
            command("AUTH PLAIN " + b64("\0" + username + "\0" + password), 235);
        } else if (mechanisms.contains("LOGIN")) {
            command("AUTH LOGIN", 334);
            command(b64(username), 334);
            command(b64(password), 235);
        } else {
            throw new SmtpException("the server " + host + " offers neither AUTH PLAIN nor LOGIN (" + mechanisms + ")");
        }
    }

    /** Sends one message; {@code message} is its header and body, lines separated by CRLF. */
    void send(String from, List<String> to, String message) throws IOException {
        command("MAIL FROM:<" + from + ">", 250);
        for (String rcpt : to) {
            command("RCPT TO:<" + rcpt + ">", 250);
        }
        command("DATA", 354);
        StringBuilder data = new StringBuilder();
        for (String line : message.split("\r\n", -1)) {
            data.append(line.startsWith(".") ? "." : "").append(line).append("\r\n");
        }
        write(data.append(".\r\n").toString());
        expect(250, "the message");
    }

    private void ehlo() throws IOException {
        write("EHLO piha\r\n");
        List<String> lines = reply(250, "EHLO");
        extensions = lines.subList(1, lines.size());
    }

    private boolean offers(String extension) {
        return extensions.stream().anyMatch(e -> e.toUpperCase(Locale.ROOT).startsWith(extension));
    }

    private SSLSocket handshake(Socket under) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.createSocket(under, host, under.getPort(), true);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(params);
        ssl.startHandshake();
        return ssl;
    }

    private void attach(Socket s) throws IOException {
        socket = s;
        in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        out = s.getOutputStream();
    }

    private void command(String line, int expected) throws IOException {
        write(line + "\r\n");
        // never echo a credential into an error
        expect(expected, line.startsWith("AUTH") || expected == 334 || expected == 235 ? "AUTH" : line);
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void expect(int code, String what) throws IOException {
        reply(code, what);
    }

    /** A reply's lines (text after the code); one with another code than {@code expected} fails. */
    private List<String> reply(int expected, String what) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = in.readLine();
            if (line == null || line.length() < 3) {
                throw new SmtpException("the server " + host + " closed the connection or answered '" + line
                        + "' after " + what);
            }
            lines.add(line.length() > 4 ? line.substring(4) : "");
        } while (line.length() > 3 && line.charAt(3) == '-');
        int code = Integer.parseInt(line.substring(0, 3));
        if (code != expected && !(expected == 250 && code == 251)) {
            throw new SmtpException("the server " + host + " answered " + line + " to " + what);
        }
        return lines;
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        try {
            if (socket != null && !socket.isClosed()) {
                write("QUIT\r\n");
                socket.close();
            }
        } catch (IOException ignored) {
            // the message was sent or not; closing cannot change it
        }
    }

    /** The server refused, or answered outside SMTP. */
    static final class SmtpException extends IOException {
        private static final long serialVersionUID = 1L;

        SmtpException(String message) {
            super(message);
        }
    }
}
