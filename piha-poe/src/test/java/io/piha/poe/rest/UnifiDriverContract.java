package io.piha.poe.rest;

import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import io.piha.poe.kit.PoeDriverCompatibilityKit;
import io.piha.poe.kit.PoeTestBench;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The contract kit against a fake UniFi controller of one flavour; one subclass per flavour. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UnifiDriverContract extends PoeDriverCompatibilityKit {

    static final PortMap PORTS = new PortMap("us-8-60w", Map.of(
            "nas", PortAddress.of(0, 1),
            "haos-primary", PortAddress.of(0, 3),
            "ghost", PortAddress.of(0, 6)), Set.of("nas"));

    private final UnifiPoeDriver.Flavor flavor;
    private RestBench bench;

    UnifiDriverContract(UnifiPoeDriver.Flavor flavor) {
        this.flavor = flavor;
    }

    @BeforeAll
    void startFake() {
        bench = new RestBench(new FakeUnifi(flavor == UnifiPoeDriver.Flavor.UNIFI_OS, RestBench.PASSWORD,
                Set.of("1", "2", "3", "4")), PORTS,
                config -> new UnifiPoeDriver(config, "default", FakeUnifi.MAC, flavor),
                a -> Integer.toString(a.port()));
    }

    @AfterAll
    void stopFake() {
        bench.close();
    }

    @Override
    protected PoeTestBench bench() {
        return bench;
    }
}
