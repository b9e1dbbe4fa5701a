package io.piha.api.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Trust for TLS connections to a home's own servers (a broker, a mail server) whose certificates a home CA signed:
 * the CA certificates of a PEM file, and nothing else.
 *
 * @since 0.1
 */
public final class TrustedCertificates {

    private TrustedCertificates() {
    }

    /**
     * A trust manager factory that trusts exactly the certificates in {@code pem}.
     *
     * @throws IllegalArgumentException naming the file if it holds no certificate or one that cannot be read
     * @throws UncheckedIOException naming the file if it cannot be read
     */
    public static TrustManagerFactory fromPem(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new IllegalArgumentException("no certificate in CA file " + pem);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return tmf;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CA certificate " + pem + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read CA certificate " + pem + ": " + e.getMessage(), e);
        }
    }

    /**
     * A TLS client context that trusts exactly the certificates in {@code pem}.
     *
     * @throws IllegalArgumentException naming the file if it holds no certificate or one that cannot be read
     * @throws UncheckedIOException naming the file if it cannot be read
     */
    public static SSLContext clientContext(Path pem) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, fromPem(pem).getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has TLS: " + e.getMessage(), e);
        }
    }
}
