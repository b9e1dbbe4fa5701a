package io.piha.poe.snmp;

import io.piha.api.recovery.PortStatus.Detection;
import org.snmp4j.smi.OID;

/**
 * The parts of POWER-ETHERNET-MIB (RFC 3621) a PoE driver needs. Ports are indexed {@code group.port}
 * ({@code pethPsePortGroupIndex.pethPsePortIndex}), which on most switches is not the ifIndex.
 *
 * @since 0.1
 */
final class PethMib {

    /** {@code pethPsePortEntry}: 1.3.6.1.2.1.105.1.1.1. */
    public static final OID PSE_PORT_ENTRY = new OID("1.3.6.1.2.1.105.1.1.1");
    /** Column of {@code pethPsePortAdminEnable}: true(1) / false(2), read-write. */
    public static final int ADMIN_ENABLE = 3;
    /** Column of {@code pethPsePortDetectionStatus}, read-only. */
    public static final int DETECTION_STATUS = 6;
    /** Column of {@code pethPsePortPowerClassifications}: class0(1) to class4(5), read-only. */
    public static final int POWER_CLASSIFICATIONS = 10;
    /** {@code pethMainPseEntry}: 1.3.6.1.2.1.105.1.3.1.1, indexed by group. */
    public static final OID MAIN_PSE_ENTRY = new OID("1.3.6.1.2.1.105.1.3.1.1");
    /** Column of {@code pethMainPsePower}: nominal power of the PSE in watts. */
    public static final int MAIN_PSE_POWER = 2;
    /** Column of {@code pethMainPseConsumptionPower}: watts drawn from the PSE. */
    public static final int MAIN_PSE_CONSUMPTION = 4;
    /** TruthValue true. */
    public static final int TRUE = 1;
    /** TruthValue false. */
    public static final int FALSE = 2;

    private PethMib() {
    }

    /** {@code pethPsePortAdminEnable.group.port}. */
    public static OID adminEnable(int group, int port) {
        return cell(PSE_PORT_ENTRY, ADMIN_ENABLE, group, port);
    }

    /** {@code pethPsePortDetectionStatus.group.port}. */
    public static OID detectionStatus(int group, int port) {
        return cell(PSE_PORT_ENTRY, DETECTION_STATUS, group, port);
    }

    /** {@code pethPsePortPowerClassifications.group.port}. */
    public static OID powerClassifications(int group, int port) {
        return cell(PSE_PORT_ENTRY, POWER_CLASSIFICATIONS, group, port);
    }

    /** The IEEE power class of an RFC 3621 classification code, class0(1) to class4(5); -1 for another code. */
    public static int powerClass(int code) {
        return code >= 1 && code <= 5 ? code - 1 : -1;
    }

    /** {@code pethMainPseConsumptionPower.group}. */
    public static OID consumptionPower(int group) {
        return cell(MAIN_PSE_ENTRY, MAIN_PSE_CONSUMPTION, group);
    }

    /** The RFC 3621 detection status code as our type; unknown codes become {@link Detection#UNKNOWN}. */
    public static Detection detection(int code) {
        return switch (code) {
            case 1 -> Detection.DISABLED;
            case 2 -> Detection.SEARCHING;
            case 3 -> Detection.DELIVERING_POWER;
            case 4 -> Detection.FAULT;
            case 5 -> Detection.TEST;
            case 6 -> Detection.OTHER_FAULT;
            default -> Detection.UNKNOWN;
        };
    }

    /** The RFC 3621 code of a detection status ({@code UNKNOWN} has none and maps to otherFault, 6). */
    public static int code(Detection detection) {
        return switch (detection) {
            case DISABLED -> 1;
            case SEARCHING -> 2;
            case DELIVERING_POWER -> 3;
            case FAULT -> 4;
            case TEST -> 5;
            case OTHER_FAULT, UNKNOWN -> 6;
        };
    }

    private static OID cell(OID entry, int column, int... index) {
        OID oid = new OID(entry);
        oid.append(column);
        for (int i : index) {
            oid.append(i);
        }
        return oid;
    }
}
