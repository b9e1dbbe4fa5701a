package io.piha.poe.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.recovery.PoeCapability;
import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PoeException;
import io.piha.api.recovery.PortAddress;
import io.piha.api.Secret;
import io.piha.poe.kit.PoeDriverCompatibilityKit;
import io.piha.poe.kit.PoeTestBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The RouterOS driver passes the kit over HTTPS against a self-signed device certificate it pins. */
@DisplayName("RouterOS REST driver over HTTPS with a pinned self-signed certificate")
class RouterOsTlsDriverContractTest extends PoeDriverCompatibilityKit {

    private static RestBench bench;
    private static Path dir;

    @BeforeAll
    static void startFake() throws Exception {
        dir = Files.createTempDirectory("device-cert");
        DeviceCertificate certificate = DeviceCertificate.create(dir);
        FakeRouterOs fake = new FakeRouterOs("admin", RestBench.PASSWORD, Set.of("ether2", "ether3", "ether5"));
        fake.useHttps(certificate.server.getSocketFactory());
        bench = new RestBench(fake, RouterOsDriverContractTest.PORTS, RouterOsPoeDriver::new, PortAddress::nativeName,
                Optional.of(certificate.pinned));
    }

    @AfterAll
    static void stopFake() throws Exception {
        bench.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Override
    protected PoeTestBench bench() {
        return bench;
    }

    @Test
    void overHttpsTheDriverDeclaresSecureTransport() {
        assertThat(bench.fake.baseUri().getScheme()).isEqualTo("https");
        assertThat(has(PoeCapability.SECURE_TRANSPORT)).isTrue();
    }

    @Test
    void anUntrustedDeviceCertificateIsRefusedAndTheErrorSaysHowToTrustIt() {
        HttpDeviceConfig untrusted = new HttpDeviceConfig(bench.fake.baseUri(), "admin", Secret.of(RestBench.PASSWORD),
                RouterOsDriverContractTest.PORTS, Duration.ofSeconds(2), false);
        try (PoeDriver driver = new RouterOsPoeDriver(untrusted)) {
            assertThatThrownBy(() -> driver.powerOff("haos-primary"))
                    .isInstanceOf(PoeException.SwitchUnreachable.class).hasMessageContaining("withTrust")
                    .hasMessageNotContaining(RestBench.PASSWORD);
        }
        assertThat(bench.isPowered("haos-primary")).isTrue();
    }
}
