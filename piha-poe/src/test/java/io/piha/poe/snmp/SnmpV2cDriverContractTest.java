package io.piha.poe.snmp;

import io.piha.poe.kit.PoeDriverCompatibilityKit;
import io.piha.poe.kit.PoeTestBench;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/**
 * The SNMP driver passes the kit over v2c. A wrong v2c community is dropped silently by agents (no
 * answer at all), so the kit's wrong-credentials test is skipped here and covered in
 * {@link SnmpPoeDriverTest} as a typed timeout.
 */
@DisplayName("SNMP driver, v2c, against the in-process agent")
class SnmpV2cDriverContractTest extends PoeDriverCompatibilityKit {

    private static SimulatedSwitchBench bench;

    @BeforeAll
    static void startSwitch() {
        bench = new SimulatedSwitchBench(sw -> SimulatedSwitchBench.v2c(), Optional.empty());
    }

    @AfterAll
    static void stopSwitch() {
        bench.close();
    }

    @Override
    protected PoeTestBench bench() {
        return bench;
    }
}
