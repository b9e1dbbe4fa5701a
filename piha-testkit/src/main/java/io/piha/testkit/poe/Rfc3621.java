package io.piha.testkit.poe;

import io.piha.api.recovery.PortStatus.Detection;
import org.snmp4j.smi.OID;

/**
 * The part of POWER-ETHERNET-MIB (RFC 3621) the simulated switch serves, written from the RFC on the agent's
 * side. It is deliberately not shared with piha-poe's driver: the simulator is an independent peer, so an OID
 * or a code the driver gets wrong fails a test instead of being agreed on by both ends.
 */
final class Rfc3621 {

    /** pethPsePortEntry: index (pethPsePortGroupIndex, pethPsePortIndex). */
    static final OID PSE_PORT_ENTRY = new OID("1.3.6.1.2.1.105.1.1.1");
    /** pethPsePortAdminEnable (read-write TruthValue). */
    static final int ADMIN_ENABLE = 3;
    /** pethPsePortDetectionStatus (read-only). */
    static final int DETECTION_STATUS = 6;
    /** pethPsePortPowerClassifications (read-only): class0(1) to class4(5). */
    static final int POWER_CLASSIFICATIONS = 10;
    /** pethMainPseEntry: index pethMainPseGroupIndex. */
    static final OID MAIN_PSE_ENTRY = new OID("1.3.6.1.2.1.105.1.3.1.1");
    /** pethMainPsePower, watts. */
    static final int MAIN_PSE_POWER = 2;
    /** pethMainPseConsumptionPower, watts. */
    static final int MAIN_PSE_CONSUMPTION = 4;
    /** TruthValue true (SNMPv2-TC). */
    static final int TRUE = 1;
    /** TruthValue false (SNMPv2-TC). */
    static final int FALSE = 2;

    private Rfc3621() {
    }

    /** pethPsePortDetectionStatus codes: disabled(1) searching(2) deliveringPower(3) fault(4) test(5) otherFault(6). */
    static int code(Detection detection) {
        return switch (detection) {
            case DISABLED -> 1;
            case SEARCHING -> 2;
            case DELIVERING_POWER -> 3;
            case FAULT -> 4;
            case TEST -> 5;
            case OTHER_FAULT, UNKNOWN -> 6;
        };
    }
}
