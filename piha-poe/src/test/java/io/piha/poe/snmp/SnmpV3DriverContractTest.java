package io.piha.poe.snmp;

import io.piha.poe.kit.PoeDriverCompatibilityKit;
import io.piha.poe.kit.PoeTestBench;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/**
 * The SNMP driver passes the kit over v3 authPriv. Wrong USM credentials get no authenticated answer
 * (the agent's report is unauthenticated or not sent at all), so the kit's wrong-credentials test is
 * skipped here and covered in {@link SnmpPoeDriverTest} as a typed SwitchUnreachable.
 */
@DisplayName("SNMP driver, v3 authPriv, against the in-process agent")
class SnmpV3DriverContractTest extends PoeDriverCompatibilityKit {

    private static SimulatedSwitchBench bench;

    @BeforeAll
    static void startSwitch() {
        bench = new SimulatedSwitchBench(sw -> SimulatedSwitchBench.v3(SimulatedSwitchBench.USER, SimulatedSwitchBench.AUTH_KEY),
                Optional.empty());
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
