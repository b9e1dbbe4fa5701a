package io.piha.poe.snmp;

import io.piha.api.recovery.PlannedRequest;
import io.piha.api.recovery.PoeCapability;
import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PoeException;
import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import io.piha.api.recovery.PortStatus;
import io.piha.api.recovery.PowerAction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.snmp4j.MessageException;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * Switches PoE ports through the standard POWER-ETHERNET-MIB (RFC 3621): {@code pethPsePortAdminEnable}
 * to switch, {@code pethPsePortDetectionStatus} to read back, {@code pethMainPseConsumptionPower} for
 * power. SNMP v2c or v3 (authPriv) over UDP.
 *
 * <p>Wrong credentials: when the agent sends a REPORT about a request (unknown user, wrong digest,
 * decryption error, unsupported security level), the failure is {@link PoeException.AccessDenied} naming that
 * cause in words, even when the report came unauthenticated and RFC 3412 7.2.11.b lets it explain nothing
 * more. A wrong v2c community gets no answer at all (agents drop it), so it surfaces as
 * {@link PoeException.SwitchUnreachable} whose message says so. The host name is resolved at the first
 * request; one that does not resolve is {@link PoeException.SwitchUnreachable} naming it.
 *
 * <p>The device has no timer of its own, so a cycle is off, wait, on: a crash in between leaves the
 * port off, which is why the safety layer journals such cycles. Thread-safe.
 *
 * @since 0.1
 */
public final class SnmpPoeDriver implements PoeDriver {

    private final SnmpSwitchConfig config;
    private final SnmpSession session;
    private volatile UdpAddress resolved;

    private SnmpPoeDriver(SnmpSwitchConfig config, SnmpSession session) {
        this.config = config;
        this.session = session;
    }

    /**
     * Opens a UDP socket for the switch. Nothing is sent, and the host name is not resolved, until the first
     * call.
     *
     * @throws UncheckedIOException if no local UDP socket can be opened
     */
    public static SnmpPoeDriver open(SnmpSwitchConfig config) {
        try {
            return new SnmpPoeDriver(config, SnmpSession.open(config));
        } catch (IOException e) {
            throw new UncheckedIOException("switch '" + config.portMap().switchName()
                    + "': cannot open a UDP socket for SNMP", e);
        }
    }

    @Override
    public PortMap portMap() {
        return config.portMap();
    }

    @Override
    public Set<PoeCapability> capabilities() {
        Set<PoeCapability> caps = EnumSet.of(PoeCapability.ON_OFF, PoeCapability.READ_BACK,
                PoeCapability.POWER_READINGS);
        if (config.credentials() instanceof SnmpCredentials.Usm u && u.privacy().isPresent()) {
            caps.add(PoeCapability.SECURE_TRANSPORT);
        }
        return Set.copyOf(caps);
    }

    @Override
    public PortStatus status(String label) {
        PortAddress at = address(label);
        PDU answer = send(label, PDU.GET, new VariableBinding(PethMib.adminEnable(at.group(), at.port())),
                new VariableBinding(PethMib.detectionStatus(at.group(), at.port())),
                new VariableBinding(PethMib.consumptionPower(at.group())),
                new VariableBinding(PethMib.powerClassifications(at.group(), at.port())));
        Variable admin = answer.get(0).getVariable();
        Variable detection = answer.get(1).getVariable();
        if (admin.isException() || detection.isException()) {
            throw unknownOnSwitch(label, at, admin.isException() ? admin : detection);
        }
        Variable watts = answer.get(2).getVariable();
        Variable klass = answer.get(3).getVariable();
        int powerClass = klass instanceof Integer32 i ? PethMib.powerClass(i.getValue()) : -1;
        return new PortStatus(label, integer(label, admin) == PethMib.TRUE, PethMib.detection(integer(label, detection)),
                OptionalDouble.empty(), watts.isException() ? OptionalDouble.empty() : OptionalDouble.of(watts.toLong()),
                powerClass < 0 ? OptionalInt.empty() : OptionalInt.of(powerClass));
    }

    @Override
    public void powerOff(String label) {
        setAdmin(label, PethMib.FALSE);
    }

    @Override
    public void powerOn(String label) {
        setAdmin(label, PethMib.TRUE);
    }

    @Override
    public void powerCycle(String label, Duration offTime) {
        setAdmin(label, PethMib.FALSE);
        try {
            config.pause().pause(offTime);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            setAdmin(label, PethMib.TRUE);
        }
    }

    @Override
    public List<PlannedRequest> plan(PowerAction action, String label, Duration offTime) {
        PortAddress at = address(label);
        PlannedRequest off = set(at, PethMib.FALSE);
        PlannedRequest on = set(at, PethMib.TRUE);
        return switch (action) {
            case OFF -> List.of(off);
            case ON -> List.of(on);
            case CYCLE -> List.of(off, new PlannedRequest("local", "WAIT", offTime.toString(), ""), on);
        };
    }

    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "SnmpPoeDriver[" + config.portMap().switchName() + " at " + config.address() + ", "
                + version() + "]";
    }

    private PlannedRequest set(PortAddress at, int value) {
        return new PlannedRequest("snmp", "SET", config.address() + " " + PethMib.adminEnable(at.group(), at.port()),
                "= INTEGER " + value + (value == PethMib.TRUE ? " (true)" : " (false)"));
    }

    private void setAdmin(String label, int value) {
        PortAddress at = address(label);
        OID oid = PethMib.adminEnable(at.group(), at.port());
        PDU answer = send(label, PDU.SET, new VariableBinding(oid, new Integer32(value)));
        if (answer.getErrorStatus() != PDU.noError) {
            throw setRefused(label, at, answer);
        }
    }

    private PoeException setRefused(String label, PortAddress at, PDU answer) {
        int status = answer.getErrorStatus();
        String text = SnmpErrors.name(status);
        if (status == PDU.noAccess || status == PDU.authorizationError) {
            return new PoeException.AccessDenied(name(), label, "the agent at " + config.address()
                    + " denies writing " + PethMib.adminEnable(at.group(), at.port()) + ": " + text);
        }
        if (status == PDU.noSuchName || status == PDU.noCreation || status == PDU.notWritable
                || status == PDU.inconsistentName) {
            PDU probe = send(label, PDU.GET, new VariableBinding(PethMib.adminEnable(at.group(), at.port())));
            if (probe.get(0).getVariable().isException()) {
                return unknownOnSwitch(label, at, probe.get(0).getVariable());
            }
        }
        return new PoeException.UnexpectedAnswer(name(), label, "the agent at " + config.address()
                + " refused to set pethPsePortAdminEnable." + at + ": " + text);
    }

    private PDU send(String label, int type, VariableBinding... bindings) {
        PDU pdu = session.isV3() ? new ScopedPDU() : new PDU();
        pdu.setType(type);
        for (VariableBinding binding : bindings) {
            pdu.add(binding);
        }
        ResponseEvent<UdpAddress> event;
        try {
            event = session.send(pdu, resolved(label));
        } catch (MessageException e) {
            throw new PoeException.UnexpectedAnswer(name(), label, "cannot build the " + version() + " request to "
                    + config.address() + ": " + SnmpConstants.mpErrorMessage(e.getSnmp4jErrorStatus()), e);
        } catch (IOException e) {
            throw new PoeException.SwitchUnreachable(name(), label, "cannot send to " + config.address(), e);
        }
        PDU answer = event.getResponse();
        if (answer == null) {
            throw noAnswer(label, event.getError());
        }
        if (answer.getType() == PDU.REPORT) {
            throw report(label, answer);
        }
        if (type == PDU.GET && answer.getErrorStatus() != PDU.noError) {
            throw new PoeException.UnexpectedAnswer(name(), label, "the agent at " + config.address()
                    + " answered " + SnmpErrors.name(answer.getErrorStatus()));
        }
        if (answer.size() != bindings.length && answer.getErrorStatus() == PDU.noError) {
            throw new PoeException.UnexpectedAnswer(name(), label, "the agent at " + config.address() + " answered "
                    + answer.size() + " variables to a request for " + bindings.length);
        }
        return answer;
    }

    private UdpAddress resolved(String label) {
        UdpAddress at = resolved;
        if (at == null) {
            try {
                at = new UdpAddress(config.address().resolve(), config.address().port());
            } catch (UnknownHostException e) {
                throw new PoeException.SwitchUnreachable(name(), label, "cannot resolve the host name '"
                        + config.address().host() + "': check the name, or the DNS server of this machine", e);
            }
            resolved = at;
        }
        return at;
    }

    private PoeException noAnswer(String label, Exception error) {
        String tries = config.timeout() + " x " + (config.retries() + 1) + " tries";
        Optional<PoeException> explained = session.lastReport().flatMap(r -> UsmReports.explain(r, name(), label,
                "the agent at " + config.address(), config.credentials()));
        if (explained.isEmpty() && config.credentials() instanceof SnmpCredentials.Usm u && u.privacy().isPresent()) {
            explained = PrivacyProbe.diagnose(config, u, resolved, label);
        }
        if (explained.isPresent()) {
            return explained.get();
        }
        return new PoeException.SwitchUnreachable(name(), label, "no answer from " + config.address() + " within "
                + tries + (session.isV3() ? " (the switch is down or unreachable, or it silently drops SNMPv3 "
                + "requests whose user, keys or protocols it does not accept)" : " (the switch is down or "
                + "unreachable, or the community is wrong: SNMPv2c agents stay silent for a wrong community)"), error);
    }

    private PoeException report(String label, PDU answer) {
        OID reported = answer.size() > 0 ? answer.get(0).getOid() : new OID();
        return UsmReports.explain(reported, name(), label, "the agent at " + config.address(), config.credentials())
                .orElseGet(() -> new PoeException.UnexpectedAnswer(name(), label, "the agent at " + config.address()
                        + " sent report " + reported));
    }

    private String version() {
        return config.credentials() instanceof SnmpCredentials.Usm u ? "SNMPv3 " + u.securityLevel() : "SNMPv2c";
    }

    private PoeException.UnknownPort unknownOnSwitch(String label, PortAddress at, Variable exception) {
        return new PoeException.UnknownPort(name(), label, "mapped to " + at + " but the agent at "
                + config.address() + " has no such pethPsePortTable row (" + exception + ")");
    }

    private int integer(String label, Variable value) {
        if (!(value instanceof Integer32 i)) {
            throw new PoeException.UnexpectedAnswer(name(), label, "expected an INTEGER from " + config.address()
                    + ", got " + value.getSyntaxString() + " " + value);
        }
        return i.getValue();
    }

    private PortAddress address(String label) {
        PortAddress at = config.portMap().require(label);
        if (at.port() == 0) {
            throw new PoeException.UnknownPort(name(), label, "mapped to '" + at
                    + "', but SNMP needs a pethPsePortTable index group.port");
        }
        return at;
    }

    private String name() {
        return config.portMap().switchName();
    }
}
