package io.piha.testkit.poe;

import org.snmp4j.agent.DefaultMOServer;
import org.snmp4j.agent.MOServer;
import org.snmp4j.agent.mo.snmp.StorageType;
import org.snmp4j.agent.mo.snmp.VacmMIB;
import org.snmp4j.agent.security.MutableVACM;
import org.snmp4j.security.Priv3DES;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;

/**
 * The simulator's USM and VACM: every protocol SNMP4J implements (registered on the simulator's own
 * registry, not the JVM-wide one), each configured user with the access of its security level, and the two
 * v2c communities.
 */
final class AgentSecurity {

    private static final OctetString READERS = new OctetString("readers");
    private static final OctetString WRITERS = new OctetString("writers");
    private static final OctetString V3_PRIV = new OctetString("v3-authpriv");
    private static final OctetString V3_AUTH = new OctetString("v3-authnopriv");
    private static final OctetString ALL = new OctetString("all");

    private AgentSecurity() {
    }

    /** A registry with SNMP4J's full set plus 3DES, which no predefined set contains. */
    static SecurityProtocols protocols() {
        SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.any);
        protocols.addPrivacyProtocol(new Priv3DES());
        return protocols;
    }

    static USM usm(SecurityProtocols protocols, OctetString engineId, SimulatedSwitchConfig config) {
        USM usm = new USM(protocols, engineId, 0);
        for (SimulatedSwitchConfig.V3User u : config.v3Users()) {
            usm.addUser(new UsmUser(new OctetString(u.name()), u.auth(), new OctetString(u.authKey()),
                    u.priv().orElse(null), u.priv().map(p -> new OctetString(u.privKey())).orElse(null)),
                    usm.getLocalEngineID());
        }
        return usm;
    }

    static VacmMIB vacm(DefaultMOServer server, SimulatedSwitchConfig config) {
        VacmMIB vacm = new VacmMIB(new MOServer[] {server});
        vacm.addGroup(SecurityModel.SECURITY_MODEL_SNMPv2c, CommunityTable.READER, READERS, StorageType.volatile_);
        vacm.addGroup(SecurityModel.SECURITY_MODEL_SNMPv2c, CommunityTable.WRITER, WRITERS, StorageType.volatile_);
        access(vacm, READERS, SecurityModel.SECURITY_MODEL_SNMPv2c, SecurityLevel.NOAUTH_NOPRIV, false);
        access(vacm, WRITERS, SecurityModel.SECURITY_MODEL_SNMPv2c, SecurityLevel.NOAUTH_NOPRIV, true);
        access(vacm, V3_PRIV, SecurityModel.SECURITY_MODEL_USM, SecurityLevel.AUTH_PRIV, true);
        access(vacm, V3_AUTH, SecurityModel.SECURITY_MODEL_USM, SecurityLevel.AUTH_NOPRIV, true);
        vacm.addViewTreeFamily(ALL, new OID("1.3"), new OctetString(), VacmMIB.vacmViewIncluded,
                StorageType.volatile_);
        for (SimulatedSwitchConfig.V3User user : config.v3Users()) {
            vacm.addGroup(SecurityModel.SECURITY_MODEL_USM, new OctetString(user.name()),
                    user.priv().isPresent() ? V3_PRIV : V3_AUTH, StorageType.volatile_);
        }
        return vacm;
    }

    private static void access(VacmMIB vacm, OctetString group, int model, int level, boolean write) {
        vacm.addAccess(group, new OctetString(), model, level, MutableVACM.VACM_MATCH_EXACT, ALL,
                write ? ALL : new OctetString(), new OctetString(), StorageType.volatile_);
    }
}
