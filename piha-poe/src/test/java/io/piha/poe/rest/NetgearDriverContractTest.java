package io.piha.poe.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import io.piha.poe.kit.PoeDriverCompatibilityKit;
import io.piha.poe.kit.PoeTestBench;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Netgear M4250 REST driver against a fake switch")
class NetgearDriverContractTest extends PoeDriverCompatibilityKit {

    static final PortMap PORTS = new PortMap("m4250", Map.of("haos-primary", PortAddress.of(0, 2),
            "nas", PortAddress.of(0, 1), "ghost", PortAddress.of(0, 7)), Set.of("nas"));

    private static RestBench bench;

    @BeforeAll
    static void startFake() {
        bench = new RestBench(new FakeNetgear(RestBench.PASSWORD, Set.of("1", "2", "3")), PORTS,
                NetgearPoeDriver::new, a -> Integer.toString(a.port()));
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
    void anExpiredTokenIsRenewedOnceAndTheReadingIsInWatts() {
        try (PoeDriver driver = bench.driver()) {
            driver.status("haos-primary");
            ((FakeNetgear) bench.fake).expireToken();
            assertThat(driver.status("haos-primary").powerWatts()).hasValue(4.8);
        }
    }
}
