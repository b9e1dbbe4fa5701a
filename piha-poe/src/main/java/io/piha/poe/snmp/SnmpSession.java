package io.piha.poe.snmp;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.snmp4j.CommunityTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.GenericAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * One SNMP4J session with its own USM: several drivers (and simulators) in one JVM must not share the
 * global security models.
 */
final class SnmpSession {

    private final Snmp snmp;
    private final Target<UdpAddress> target;
    private final boolean v3;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private SnmpSession(Snmp snmp, Target<UdpAddress> target, boolean v3) {
        this.snmp = snmp;
        this.target = target;
        this.v3 = v3;
    }

    static SnmpSession open(SnmpSwitchConfig config) throws IOException {
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv2c());
        USM usm = new USM(SecurityProtocols.getInstance().addDefaultProtocols(),
                new OctetString(MPv3.createLocalEngineID()), 0);
        dispatcher.addMessageProcessingModel(new MPv3(usm));
        Snmp snmp = new Snmp(dispatcher, new DefaultUdpTransportMapping());
        UdpAddress address = (UdpAddress) GenericAddress.parse(config.address());
        if (address == null) {
            snmp.close();
            throw new IllegalArgumentException("unparseable SNMP address '" + config.address() + "'");
        }
        Target<UdpAddress> target;
        if (config.credentials() instanceof SnmpCredentials.Usm u) {
            usm.addUser(new UsmUser(new OctetString(u.user()), auth(u.auth()), new OctetString(u.authKey().reveal()),
                    priv(u.priv()), new OctetString(u.privKey().reveal())));
            UserTarget<UdpAddress> user = new UserTarget<>();
            user.setSecurityName(new OctetString(u.user()));
            user.setSecurityLevel(SecurityLevel.AUTH_PRIV);
            user.setSecurityModel(SecurityModel.SECURITY_MODEL_USM);
            user.setVersion(SnmpConstants.version3);
            target = user;
        } else {
            SnmpCredentials.Community c = (SnmpCredentials.Community) config.credentials();
            CommunityTarget<UdpAddress> community = new CommunityTarget<>();
            community.setCommunity(new OctetString(c.community().reveal()));
            community.setVersion(SnmpConstants.version2c);
            target = community;
        }
        target.setAddress(address);
        target.setTimeout(config.timeout().toMillis());
        target.setRetries(config.retries());
        snmp.listen();
        return new SnmpSession(snmp, target, config.credentials() instanceof SnmpCredentials.Usm);
    }

    boolean isV3() {
        return v3;
    }

    ResponseEvent<UdpAddress> send(PDU pdu) throws IOException {
        return snmp.send(pdu, target);
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

    private static OID auth(SnmpCredentials.AuthProtocol protocol) {
        return switch (protocol) {
            case SHA1 -> AuthSHA.ID;
            case SHA256 -> AuthHMAC192SHA256.ID;
        };
    }

    private static OID priv(SnmpCredentials.PrivProtocol protocol) {
        return switch (protocol) {
            case AES128 -> PrivAES128.ID;
            case AES256 -> PrivAES256.ID;
        };
    }
}
