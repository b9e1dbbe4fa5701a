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

@DisplayName("Shelly Gen2 plug driver against a fake Plus Plug S with Digest auth")
class ShellyDriverContractTest extends PoeDriverCompatibilityKit {

    static final PortMap PORTS = new PortMap("shelly-office", Map.of(
            "haos-primary", PortAddress.named("switch:0"),
            "ghost", PortAddress.named("switch:3")), Set.of());

    private static RestBench bench;

    @BeforeAll
    static void startFake() {
        bench = new RestBench(new FakeShelly(RestBench.PASSWORD, Set.of("switch:0")), PORTS, ShellyPlugDriver::new,
                PortAddress::nativeName);
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
