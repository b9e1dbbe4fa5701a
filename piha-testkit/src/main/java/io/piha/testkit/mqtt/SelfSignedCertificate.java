package io.piha.testkit.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server certificate for 127.0.0.1 (a broker, a mail server), made with the JDK's keytool, and its PEM to trust as a
 * home CA.
 */
public final class SelfSignedCertificate {

    /** The password of the key store and the key. */
    public static final String PASSWORD = "piha-test-only";

    private SelfSignedCertificate() {
    }

    /** Writes a PKCS12 key store with the key and certificate to {@code keystore}, and the certificate to {@code pem}. */
    public static void create(Path keystore, Path pem) throws IOException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(List.of(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "2", "-dname", "CN=piha-test-broker", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
                "-keypass", PASSWORD));
        run(List.of(keytool, "-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-file", pem.toString()));
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}
