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

@DisplayName("Tasmota plug driver against a fake two-relay board")
class TasmotaDriverContractTest extends PoeDriverCompatibilityKit {

    static final PortMap PORTS = new PortMap("tasmota-garage", Map.of(
            "haos-primary", PortAddress.of(0, 1),
            "ghost", PortAddress.of(0, 4)), Set.of());

    private static RestBench bench;

    @BeforeAll
    static void startFake() {
        bench = new RestBench(new FakeTasmota(RestBench.PASSWORD, Set.of("1", "2")), PORTS, TasmotaPlugDriver::new,
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
