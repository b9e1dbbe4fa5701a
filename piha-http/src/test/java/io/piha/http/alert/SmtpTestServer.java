package io.piha.http.alert;

import io.piha.testkit.mqtt.SelfSignedCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server (SubEthaSMTP) on 127.0.0.1 and a free port, with a certificate for 127.0.0.1 made by keytool:
 * STARTTLS required, or TLS from the first byte, and AUTH required. It keeps what it received.
 */
final class SmtpTestServer implements AutoCloseable {

    static final String USER = "piha@home.lan";
    static final String PASSWORD = "s3cret-smtp";

    /** A message as the server received it. */
    record Received(String from, List<String> to, String data) {
    }

    private final SMTPServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final Path caPem;

    private SmtpTestServer(Path dir, boolean implicitTls, boolean offerTls) throws IOException {
        Path keystore = dir.resolve("smtp.p12");
        caPem = dir.resolve("smtp-ca.pem");
        if (!Files.exists(caPem)) {
            SelfSignedCertificate.create(keystore, caPem);
        }
        SSLContext tls = serverContext(keystore);
        SMTPServer.Builder b = SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress()).hostName("localhost")
                .messageHandlerFactory(context -> new Envelope())
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) -> {
                    if (!USER.equals(user) || !PASSWORD.equals(password)) {
                        throw new org.subethamail.smtp.auth.LoginFailedException("bad credentials");
                    }
                }))
                .requireAuth();
        if (implicitTls) {
            b.serverSocketFactory(tls);
        } else if (offerTls) {
            b.enableTLS().requireTLS().startTlsSocketFactory(tls);
        }
        server = b.build();
        server.start();
    }

    /** A submission server: STARTTLS and AUTH required. */
    static SmtpTestServer startTls(Path dir) throws IOException {
        return new SmtpTestServer(dir, false, true);
    }

    /** An SMTPS server: TLS from the first byte, AUTH required. */
    static SmtpTestServer smtps(Path dir) throws IOException {
        return new SmtpTestServer(dir, true, false);
    }

    /** A server that offers no TLS at all (and still wants AUTH). */
    static SmtpTestServer plainOnly(Path dir) throws IOException {
        return new SmtpTestServer(dir, false, false);
    }

    /** Collects one message's envelope and data. */
    private final class Envelope implements MessageHandler {
        private String from;
        private final List<String> to = new java.util.ArrayList<>();

        @Override
        public void from(String address) {
            from = address;
        }

        @Override
        public void recipient(String address) {
            to.add(address);
        }

        @Override
        public String data(InputStream data) throws IOException {
            received.add(new Received(from, List.copyOf(to), new String(data.readAllBytes(), StandardCharsets.UTF_8)));
            return null;
        }

        @Override
        public void done() {
            // kept in data()
        }
    }

    int port() {
        return server.getPortAllocated();
    }

    private static SSLContext serverContext(Path keystore) throws IOException {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, SelfSignedCertificate.PASSWORD.toCharArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, SelfSignedCertificate.PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
