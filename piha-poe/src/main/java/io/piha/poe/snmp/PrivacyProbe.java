package io.piha.poe.snmp;

import io.piha.api.recovery.PoeException;
import java.io.IOException;
import java.util.Optional;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;

/**
 * Why an authPriv request got no answer at all. Agents such as net-snmp drop a message they cannot decrypt
 * without a report, so silence alone cannot tell a dead switch from a wrong privacy password. One signed but
 * unencrypted request of the same user tells them apart: any authenticated answer, or a report other than a
 * wrong digest, proves the switch is up and the user and authentication key are right, which leaves privacy.
 */
final class PrivacyProbe {

    private static final OID SYS_UPTIME = new OID("1.3.6.1.2.1.1.3.0");

    private PrivacyProbe() {
    }

    /** The failure the probe points at, or empty when the switch stays silent to it too. */
    static Optional<PoeException> diagnose(SnmpSwitchConfig config, SnmpCredentials.Usm user, UdpAddress to,
                                           String label) {
        SnmpCredentials.Usm authOnly = new SnmpCredentials.Usm(user.user(), user.auth(), user.authKey(),
                Optional.empty());
        SnmpSwitchConfig probe = new SnmpSwitchConfig(config.address(), authOnly, config.portMap(), config.timeout(),
                0, config.pause());
        String name = config.portMap().switchName();
        String where = "the agent at " + config.address();
        try {
            SnmpSession session = SnmpSession.open(probe);
            try {
                PDU pdu = new ScopedPDU();
                pdu.setType(PDU.GET);
                pdu.add(new VariableBinding(SYS_UPTIME));
                ResponseEvent<UdpAddress> event = session.send(pdu, to);
                PDU answer = event.getResponse();
                Optional<OID> report = answer != null && answer.getType() == PDU.REPORT && answer.size() > 0
                        ? Optional.of(answer.get(0).getOid()) : session.lastReport();
                if (report.isPresent() && report.get().startsWith(SnmpConstants.usmStatsWrongDigests)) {
                    return UsmReports.explain(report.get(), name, label, where, user);
                }
                if (answer == null && report.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new PoeException.AccessDenied(name, label, where + " drops the encrypted requests "
                        + "of SNMPv3 user '" + user.user() + "' without a word, but answers the same user signed and "
                        + "unencrypted: the authentication password is right, so the privacy password is wrong, or "
                        + "the switch uses another privacy protocol than " + user.privacy().map(p -> p.protocol()
                        .toString()).orElse("none") + " (for AES-192/256 try the other key extension, aes192c/aes256c)"));
            } finally {
                session.close();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
