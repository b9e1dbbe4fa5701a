package io.piha.mqtt.internal;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import io.piha.api.io.TrustedCertificates;
import io.piha.api.leadership.LeadershipBusException;
import io.piha.mqtt.MqttBusConfig;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
        try {
            return TrustedCertificates.fromPem(pem);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new LeadershipBusException(e.getMessage(), e);
        }
    }
}
