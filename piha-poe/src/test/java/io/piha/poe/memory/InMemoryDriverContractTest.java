package io.piha.poe.memory;

import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import io.piha.poe.kit.PoeDriverCompatibilityKit;
import io.piha.poe.kit.PoeTestBench;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;

/** The simulated (in-memory) switch type passes the kit like every driver; its own history is the switch's view. */
@DisplayName("in-memory driver (switch type 'simulated')")
class InMemoryDriverContractTest extends PoeDriverCompatibilityKit {

    private static final PortMap PORTS = new PortMap("sim", Map.of("haos-primary", PortAddress.of(1, 1),
            "nas", PortAddress.of(1, 2)), Set.of("nas"));

    private InMemoryPoeDriver current = new InMemoryPoeDriver(PORTS, d -> { });

    @Override
    protected PoeTestBench bench() {
        return new PoeTestBench() {
            @Override
            public PoeDriver driver() {
                return current;
            }

            @Override
            public String port() {
                return "haos-primary";
            }

            @Override
            public boolean isPowered(String label) {
                return current.status(label).isPowering();
            }

            @Override
            public void reset() {
                current = new InMemoryPoeDriver(PORTS, d -> { });
            }

            @Override
            public Optional<List<Boolean>> powerHistory(String label) {
                return Optional.of(current.history(label));
            }
        };
    }
}
