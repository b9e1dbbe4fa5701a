package io.piha.poe.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.Secret;
import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import io.piha.poe.kit.PoeDriverCompatibilityKit;
import io.piha.poe.kit.PoeTestBench;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Omada Open API driver against a fake controller")
class OmadaDriverContractTest extends PoeDriverCompatibilityKit {

    static final PortMap PORTS = new PortMap("omada-sg2008p", Map.of("haos-primary", PortAddress.of(0, 3),
            "nas", PortAddress.of(0, 1), "ghost", PortAddress.of(0, 7)), Set.of("nas"));

    private static FakeOmada fake;
    private static RestBench bench;

    @BeforeAll
    static void startFake() {
        fake = new FakeOmada(RestBench.PASSWORD, Set.of("1", "2", "3", "4"));
        bench = new RestBench(fake, PORTS, OmadaDriverContractTest::driver, a -> Integer.toString(a.port()));
    }

    private static PoeDriver driver(HttpDeviceConfig config) {
        return new OmadaPoeDriver(new HttpDeviceConfig(config.baseUri(), FakeOmada.CLIENT_ID, config.password(),
                config.portMap(), config.timeout(), true, Optional.empty()), "Default", "aa:bb:cc:dd:ee:02");
    }

    @AfterAll
    static void stopFake() {
        bench.close();
    }

    @Override
    protected PoeTestBench bench() {
        return bench;
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndClassAndWattsAreRead() {
        try (PoeDriver driver = bench.driver()) {
            driver.status("haos-primary");
            fake.expireToken();
            var status = driver.status("haos-primary");
            assertThat(status.powerWatts()).hasValue(12.5);
            assertThat(status.powerClass()).hasValue(4);
        }
    }

    @Test
    void anUnknownSiteIsNamedWithTheSitesTheControllerHas() {
        try (PoeDriver driver = new OmadaPoeDriver(new HttpDeviceConfig(fake.baseUri(), FakeOmada.CLIENT_ID,
                Secret.of(RestBench.PASSWORD), PORTS, Duration.ofSeconds(2), true), "Garage", "aa:bb:cc:dd:ee:02")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.status("haos-primary"))
                    .hasMessageContaining("no site 'Garage'").hasMessageContaining(List.of("Default").toString());
        }
    }
}
