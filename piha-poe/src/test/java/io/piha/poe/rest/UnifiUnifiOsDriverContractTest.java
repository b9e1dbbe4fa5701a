package io.piha.poe.rest;

import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import io.piha.poe.kit.PoeDriverCompatibilityKit;
import io.piha.poe.kit.PoeTestBench;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("UniFi driver (UNIFI_OS controller) against a fake controller")
class UnifiUnifiOsDriverContractTest extends PoeDriverCompatibilityKit {

    static final PortMap PORTS = new PortMap("us-8-60w", Map.of(
            "nas", PortAddress.of(0, 1),
            "haos-primary", PortAddress.of(0, 3),
            "ghost", PortAddress.of(0, 6)), Set.of("nas"));

    private static RestBench bench;

    @BeforeAll
    static void startFake() {
        bench = new RestBench(new FakeUnifi(true, RestBench.PASSWORD, Set.of("1", "2", "3", "4")), PORTS,
                config -> new UnifiPoeDriver(config, "default", FakeUnifi.MAC, UnifiPoeDriver.Flavor.UNIFI_OS),
                a -> Integer.toString(a.port()));
    }

    @AfterAll
    static void stopFake() {
        bench.close();
    }

    @Override
    protected PoeTestBench bench() {
        return bench;
    }
}
