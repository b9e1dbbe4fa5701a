package io.piha.poe.snmp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.CommunityTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.PduHandle;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * One SNMP4J session with its own USM and its own protocol registry: several drivers (and simulators) in
 * one JVM must not share the global security models. Requests go one at a time, so the REPORT an agent sends
 * about a request (wrong digest, unknown user...) is known to belong to it, even when SNMP4J drops it
 * unauthenticated as RFC 3412 7.2.11.b asks.
 */
final class SnmpSession {

    private final Snmp snmp;
    private final Target<UdpAddress> target;
    private final boolean v3;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<OID> lastReport = new AtomicReference<>();

    private SnmpSession(Snmp snmp, Target<UdpAddress> target, boolean v3) {
        this.snmp = snmp;
        this.target = target;
        this.v3 = v3;
        Snmp.ReportHandler standard = snmp.getReportHandler();
        snmp.setReportHandler(new Snmp.ReportHandler() {
            @Override
            public <A extends Address> void processReport(PduHandle handle, CommandResponderEvent<A> event) {
                PDU report = event.getPDU();
                // engine discovery answers every first request with usmStatsUnknownEngineIDs: not a cause
                if (report != null && report.size() > 0
                        && !report.get(0).getOid().startsWith(SnmpConstants.usmStatsUnknownEngineIDs)) {
                    lastReport.set(report.get(0).getOid());
                }
                standard.processReport(handle, event);
            }
        });
    }

    static SnmpSession open(SnmpSwitchConfig config) throws IOException {
        SecurityProtocols protocols = UsmWords.registry();
        USM usm = new USM(protocols, new OctetString(MPv3.createLocalEngineID()), 0);
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv2c());
        dispatcher.addMessageProcessingModel(new MPv3(usm.getLocalEngineID().getValue(), null, protocols,
                SecurityModels.getCollection(new SecurityModel[] {usm}), CounterSupport.getInstance()));
        Snmp snmp = new Snmp(dispatcher, new DefaultUdpTransportMapping());
        Target<UdpAddress> target = config.credentials() instanceof SnmpCredentials.Usm u ? user(usm, u)
                : community((SnmpCredentials.Community) config.credentials());
        target.setTimeout(config.timeout().toMillis());
        target.setRetries(config.retries());
        snmp.listen();
        return new SnmpSession(snmp, target, config.credentials() instanceof SnmpCredentials.Usm);
    }

    private static Target<UdpAddress> user(USM usm, SnmpCredentials.Usm u) {
        OctetString privKey = u.privacy().map(p -> new OctetString(p.key().reveal())).orElse(null);
        OID privOid = u.privacy().map(p -> p.protocol().snmp4j().getID()).orElse(null);
        usm.addUser(new UsmUser(new OctetString(u.user()), u.auth().snmp4j().getID(),
                new OctetString(u.authKey().reveal()), privOid, privKey));
        UserTarget<UdpAddress> user = new UserTarget<>();
        user.setSecurityName(new OctetString(u.user()));
        user.setSecurityLevel(u.privacy().isPresent() ? SecurityLevel.AUTH_PRIV : SecurityLevel.AUTH_NOPRIV);
        user.setSecurityModel(SecurityModel.SECURITY_MODEL_USM);
        user.setVersion(SnmpConstants.version3);
        return user;
    }

    private static Target<UdpAddress> community(SnmpCredentials.Community c) {
        CommunityTarget<UdpAddress> community = new CommunityTarget<>();
        community.setCommunity(new OctetString(c.community().reveal()));
        community.setVersion(SnmpConstants.version2c);
        return community;
    }

    boolean isV3() {
        return v3;
    }

    /** Sends and waits; {@link #lastReport()} then tells the REPORT the agent sent about it, if any. */
    synchronized ResponseEvent<UdpAddress> send(PDU pdu, UdpAddress to) throws IOException {
        lastReport.set(null);
        target.setAddress(to);
        return snmp.send(pdu, target);
    }

    /** The first variable of the last REPORT received for the last request, if the agent sent one. */
    Optional<OID> lastReport() {
        return Optional.ofNullable(lastReport.get());
    }

    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            snmp.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the SNMP session to " + target.getAddress(), e);
        }
    }
}
