package io.piha.mqtt.internal;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import io.piha.api.leadership.LeadershipBusException;
import io.piha.mqtt.MqttBusConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.TrustManagerFactory;

/** TLS settings: the JDK's trust store, or a home CA given as a PEM file. */
final class Tls {

    private Tls() {
    }

    static MqttClientSslConfig sslConfig(MqttBusConfig config) {
        if (config.trustedCaCertificate().isEmpty()) {
            return MqttClientSslConfig.builder().build();
        }
        return MqttClientSslConfig.builder().trustManagerFactory(trustOnly(config.trustedCaCertificate().get()))
                .build();
    }

    private static TrustManagerFactory trustOnly(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new LeadershipBusException("no certificate in CA file " + pem);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return tmf;
        } catch (IOException | GeneralSecurityException e) {
            throw new LeadershipBusException("cannot read CA certificate " + pem + ": " + e.getMessage(), e);
        }
    }
}
