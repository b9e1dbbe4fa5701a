package io.piha.testkit.poe;

import java.security.MessageDigest;
import org.snmp4j.agent.mo.snmp.CoexistenceInfo;
import org.snmp4j.agent.mo.snmp.CoexistenceInfoProvider;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OctetString;

/** Maps the simulator's two v2c communities to security names; unknown communities are dropped, as agents do. */
final class CommunityTable implements CoexistenceInfoProvider {

    static final OctetString READER = new OctetString("reader");
    static final OctetString WRITER = new OctetString("writer");

    private final OctetString engineId;
    private final OctetString readCommunity;
    private final OctetString writeCommunity;

    CommunityTable(OctetString engineId, String readCommunity, String writeCommunity) {
        this.engineId = engineId;
        this.readCommunity = new OctetString(readCommunity);
        this.writeCommunity = new OctetString(writeCommunity);
    }

    @Override
    public CoexistenceInfo[] getCoexistenceInfo(OctetString community) {
        if (same(community, writeCommunity)) {
            return new CoexistenceInfo[] {new CoexistenceInfo(WRITER, engineId, new OctetString())};
        }
        if (same(community, readCommunity)) {
            return new CoexistenceInfo[] {new CoexistenceInfo(READER, engineId, new OctetString())};
        }
        return new CoexistenceInfo[0];
    }

    @Override
    public OctetString getCommunity(OctetString securityName, OctetString contextEngineID, OctetString contextName) {
        return WRITER.equals(securityName) ? writeCommunity : READER.equals(securityName) ? readCommunity : null;
    }

    @Override
    public boolean passesFilter(Address address, CoexistenceInfo coexistenceInfo) {
        return true;
    }

    private static boolean same(OctetString a, OctetString b) {
        return MessageDigest.isEqual(a.getValue(), b.getValue());
    }
}
