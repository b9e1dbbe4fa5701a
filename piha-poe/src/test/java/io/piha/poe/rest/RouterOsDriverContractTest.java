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

@DisplayName("RouterOS REST driver against a fake CRS328")
class RouterOsDriverContractTest extends PoeDriverCompatibilityKit {

    static final PortMap PORTS = new PortMap("crs328", Map.of(
            "haos-primary", PortAddress.named("ether2"),
            "haos-standby", PortAddress.named("ether3"),
            "ghost", PortAddress.named("ether24"),
            "nas", PortAddress.named("ether5")), Set.of("nas"));

    private static RestBench bench;

    @BeforeAll
    static void startFake() {
        bench = new RestBench(new FakeRouterOs("admin", RestBench.PASSWORD, Set.of("ether2", "ether3", "ether5")),
                PORTS, RouterOsPoeDriver::new, PortAddress::nativeName);
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
