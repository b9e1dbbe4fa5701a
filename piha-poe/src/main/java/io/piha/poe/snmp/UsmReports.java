package io.piha.poe.snmp;

import io.piha.api.recovery.PoeException;
import java.util.Optional;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;

/**
 * The REPORTs of RFC 3414 (usmStats*) in words, naming the user and protocols but never a key. Agents
 * send most of them unauthenticated, so they only ever explain a failure, never cause one.
 */
final class UsmReports {

    private UsmReports() {
    }

    /** The failure a report stands for, or empty for a report that is not about USM. */
    static Optional<PoeException> explain(OID report, String switchName, String label, String where,
                                          SnmpCredentials credentials) {
        OID r = report.trim();
        String user = credentials instanceof SnmpCredentials.Usm u ? "SNMPv3 user '" + u.user() + "'" : "the community";
        if (r.startsWith(SnmpConstants.usmStatsUnknownUserNames.trim())) {
            return denied(switchName, label, where + " does not know " + user
                    + " (usmStatsUnknownUserNames): check the user name on the switch");
        }
        if (r.startsWith(SnmpConstants.usmStatsWrongDigests.trim())) {
            return denied(switchName, label, where + " found the digest of " + user + " wrong (usmStatsWrongDigests): "
                    + "wrong authentication password, or the switch uses another authentication protocol than "
                    + protocols(credentials, true));
        }
        if (r.startsWith(SnmpConstants.usmStatsDecryptionErrors.trim())) {
            return denied(switchName, label, where + " cannot decrypt the requests of " + user
                    + " (usmStatsDecryptionErrors): wrong privacy password, or the switch uses another privacy "
                    + "protocol than " + protocols(credentials, false)
                    + " (for AES-192/256 try the other key extension, aes192c/aes256c)");
        }
        if (r.startsWith(SnmpConstants.usmStatsUnsupportedSecLevels.trim())) {
            String level = credentials instanceof SnmpCredentials.Usm u ? u.securityLevel() : "noAuthNoPriv";
            return denied(switchName, label, where + " does not accept security level " + level + " for " + user
                    + " (usmStatsUnsupportedSecLevels): the user is set up there with another level, e.g. without "
                    + "privacy (then leave out the privacy protocol) or with privacy (then give one)");
        }
        if (r.startsWith(SnmpConstants.usmStatsNotInTimeWindows.trim())) {
            return Optional.of(new PoeException.UnexpectedAnswer(switchName, label, where
                    + " keeps answering that requests are not in its time window (usmStatsNotInTimeWindows): "
                    + "its SNMP engine time or boot counter is inconsistent; restarting its SNMP agent usually helps"));
        }
        if (r.startsWith(SnmpConstants.usmStatsUnknownEngineIDs.trim())) {
            return Optional.of(new PoeException.UnexpectedAnswer(switchName, label, where
                    + " rejects the engine ID of the requests (usmStatsUnknownEngineIDs): SNMPv3 engine discovery "
                    + "failed"));
        }
        return Optional.empty();
    }

    private static Optional<PoeException> denied(String switchName, String label, String message) {
        return Optional.of(new PoeException.AccessDenied(switchName, label, message));
    }

    private static String protocols(SnmpCredentials credentials, boolean auth) {
        if (!(credentials instanceof SnmpCredentials.Usm u)) {
            return "the configured one";
        }
        return auth ? u.auth().toString()
                : u.privacy().map(p -> p.protocol().toString()).orElse("none (authNoPriv)");
    }
}
