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
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
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
 * <p>Wrong credentials: an unknown SNMPv3 user is {@link PoeException.AccessDenied}; a wrong v2c community
 * or a wrong v3 key get no usable answer (agents drop the former, and report the latter unauthenticated,
 * which RFC 3412 7.2.11.b tells managers to ignore), so they surface as
 * {@link PoeException.SwitchUnreachable} whose message says so.
 *
 * <p>The device has no timer of its own, so a cycle is off, wait, on: a crash in between leaves the
 * port off, which is why the safety layer journals such cycles. Thread-safe.
 *
 * @since 0.1
 */
public final class SnmpPoeDriver implements PoeDriver {

    private static final Set<OID> AUTH_REPORTS = Set.of(SnmpConstants.usmStatsUnknownUserNames,
            SnmpConstants.usmStatsWrongDigests, SnmpConstants.usmStatsDecryptionErrors,
            SnmpConstants.usmStatsUnsupportedSecLevels);

    private final SnmpSwitchConfig config;
    private final SnmpSession session;

    private SnmpPoeDriver(SnmpSwitchConfig config, SnmpSession session) {
        this.config = config;
        this.session = session;
    }

    /**
     * Opens a UDP socket for the switch. Nothing is sent until the first call.
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
        if (config.credentials() instanceof SnmpCredentials.Usm) {
            caps.add(PoeCapability.SECURE_TRANSPORT);
        }
        return Set.copyOf(caps);
    }

    @Override
    public PortStatus status(String label) {
        PortAddress at = address(label);
        PDU answer = send(label, PDU.GET, new VariableBinding(PethMib.adminEnable(at.group(), at.port())),
                new VariableBinding(PethMib.detectionStatus(at.group(), at.port())),
                new VariableBinding(PethMib.consumptionPower(at.group())));
        Variable admin = answer.get(0).getVariable();
        Variable detection = answer.get(1).getVariable();
        if (admin.isException() || detection.isException()) {
            throw unknownOnSwitch(label, at, admin.isException() ? admin : detection);
        }
        Variable watts = answer.get(2).getVariable();
        return new PortStatus(label, integer(label, admin) == PethMib.TRUE, PethMib.detection(integer(label, detection)),
                OptionalDouble.empty(), watts.isException() ? OptionalDouble.empty() : OptionalDouble.of(watts.toLong()));
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
        return "SnmpPoeDriver[" + config.portMap().switchName() + " at " + config.address() + "]";
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
            event = session.send(pdu);
        } catch (IOException e) {
            throw new PoeException.SwitchUnreachable(name(), label, "cannot send to " + config.address(), e);
        }
        PDU answer = event.getResponse();
        if (answer == null) {
            throw new PoeException.SwitchUnreachable(name(), label, "no answer from " + config.address() + " within "
                    + config.timeout() + " x " + (config.retries() + 1) + " tries"
                    + (session.isV3() ? " (wrong SNMPv3 user or keys get no authenticated answer either: "
                    + "check the user and keys too)"
                    : " (SNMPv2c agents also stay silent for a wrong community)"),
                    event.getError());
        }
        if (answer.getType() == PDU.REPORT) {
            throw report(label, answer);
        }
        if (type == PDU.GET && answer.getErrorStatus() != PDU.noError) {
            throw new PoeException.UnexpectedAnswer(name(), label, "the agent at " + config.address()
                    + " answered " + PDU.toErrorStatusText(answer.getErrorStatus()));
        }
        if (answer.size() != bindings.length && answer.getErrorStatus() == PDU.noError) {
            throw new PoeException.UnexpectedAnswer(name(), label, "the agent at " + config.address() + " answered "
                    + answer.size() + " variables to a request for " + bindings.length);
        }
        return answer;
    }

    private PoeException report(String label, PDU answer) {
        OID reported = answer.size() > 0 ? answer.get(0).getOid().trim() : new OID();
        for (OID auth : AUTH_REPORTS) {
            if (reported.startsWith(auth.trim())) {
                return new PoeException.AccessDenied(name(), label, "the agent at " + config.address()
                        + " refused user '" + ((SnmpCredentials.Usm) config.credentials()).user() + "': report "
                        + reported);
            }
        }
        return new PoeException.UnexpectedAnswer(name(), label, "the agent at " + config.address()
                + " sent report " + reported);
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
