package io.piha.testkit.poe;

import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortStatus.Detection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.Snmp;
import org.snmp4j.agent.CommandProcessor;
import org.snmp4j.agent.DefaultMOServer;
import org.snmp4j.agent.DuplicateRegistrationException;
import org.snmp4j.agent.mo.DefaultMOMutableRow2PC;
import org.snmp4j.agent.mo.DefaultMOMutableTableModel;
import org.snmp4j.agent.mo.DefaultMOTable;
import org.snmp4j.agent.mo.MOAccessImpl;
import org.snmp4j.agent.mo.MOColumn;
import org.snmp4j.agent.mo.MOMutableColumn;
import org.snmp4j.agent.mo.MOTableIndex;
import org.snmp4j.agent.mo.MOTableRow;
import org.snmp4j.agent.mo.MOTableSubIndex;
import org.snmp4j.agent.request.SubRequest;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv3;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.SMIConstants;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.PDU;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * An in-process PoE switch that speaks SNMP v2c and v3 (USM authPriv or authNoPriv, with every protocol
 * SNMP4J implements: MD5, SHA-1, SHA-224 to SHA-512; DES, 3DES, AES-128 to AES-256) on 127.0.0.1,
 * serving a writable {@code pethPsePortTable} and the {@code pethMainPseTable} of RFC 3621.
 *
 * <p>Switching {@code pethPsePortAdminEnable} really changes the port: detection goes to
 * {@code deliveringPower} (or {@code searching} with no device attached, or stays {@code searching} for a
 * device that does not come back) and every {@link PortPowerListener} is told, so a simulated host can
 * stop and start with its port. Used by tests, the contract kit and control-plane drills.
 *
 * <pre>{@code
 * try (SimulatedPoeSwitch sw = SimulatedPoeSwitch.builder().ports(1, 8).start()) {
 *     sw.addListener((port, powered) -> host.power(powered));
 *     String address = sw.address();   // "udp:127.0.0.1/54321"
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops the agent and frees the UDP port.
 *
 * @since 0.1
 */
public final class SimulatedPoeSwitch implements AutoCloseable {

    private static final double WATTS_PER_DEVICE = 6.5;
    /** pethPsePortPowerClassifications of a powered device: class4(5), as a Raspberry Pi PoE+ HAT reports. */
    private static final int CLASS_4 = 5;

    private final SimulatedSwitchConfig config;
    private final Map<PortAddress, SimulatedPort> ports = new TreeMap<>(SimulatedPoeSwitch::compare);
    private final Map<PortAddress, PortRow> rows = new TreeMap<>(SimulatedPoeSwitch::compare);
    private final Map<Integer, MOTableRow> pseRows = new TreeMap<>();
    private final List<PortPowerListener> listeners = new CopyOnWriteArrayList<>();
    private final Snmp session;
    private final DefaultUdpTransportMapping transport;
    private boolean closed;

    private SimulatedPoeSwitch(SimulatedSwitchConfig config) throws IOException {
        this.config = config;
        OctetString engineId = new OctetString(MPv3.createLocalEngineID());
        DefaultMOServer server = new DefaultMOServer();
        server.addContext(new OctetString());
        register(server, portTable());
        register(server, pseTable());

        SecurityProtocols protocols = AgentSecurity.protocols();
        USM usm = AgentSecurity.usm(protocols, engineId, config);
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv2c());
        dispatcher.addMessageProcessingModel(new MPv3(engineId.getValue(), null, protocols,
                SecurityModels.getCollection(new SecurityModel[] {usm}), CounterSupport.getInstance()));

        CommandProcessor processor = new CommandProcessor(engineId);
        processor.addMOServer(server);
        processor.setVacm(AgentSecurity.vacm(server, config));
        processor.setCoexistenceProvider(new CommunityTable(engineId, config.readCommunity(),
                config.writeCommunity()));
        dispatcher.addCommandResponder(processor);

        transport = new DefaultUdpTransportMapping(new UdpAddress(InetAddress.getLoopbackAddress(), config.udpPort()));
        session = new Snmp(dispatcher, transport);
        session.listen();
    }

    /** A builder; by default one group with eight ports, communities {@code public}/{@code private}. */
    public static SimulatedSwitchConfig.Builder builder() {
        return SimulatedSwitchConfig.custom();
    }

    static SimulatedPoeSwitch start(SimulatedSwitchConfig config) {
        try {
            return new SimulatedPoeSwitch(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulated PoE switch on 127.0.0.1:" + config.udpPort(), e);
        }
    }

    /** The agent's address in SNMP4J notation, e.g. {@code udp:127.0.0.1/54321}. */
    public String address() {
        UdpAddress bound = transport.getListenAddress();
        return "udp:" + bound.getInetAddress().getHostAddress() + "/" + bound.getPort();
    }

    /** The UDP port the agent listens on. */
    public int udpPort() {
        return transport.getListenAddress().getPort();
    }

    /** The ports the switch has, {@code group.port}. */
    public synchronized List<PortAddress> ports() {
        return List.copyOf(ports.keySet());
    }

    /** Registers a listener for real power changes. */
    public void addListener(PortPowerListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Removes a listener. */
    public void removeListener(PortPowerListener listener) {
        listeners.remove(listener);
    }

    /** Whether the port delivers power now. @throws IllegalArgumentException for a port the switch lacks */
    public synchronized boolean isPowered(PortAddress port) {
        return port(port).detection() == Detection.DELIVERING_POWER;
    }

    /** The port's admin state ({@code pethPsePortAdminEnable}). */
    public synchronized boolean isAdminEnabled(PortAddress port) {
        return port(port).adminEnabled();
    }

    /** The power changes seen on the port since start or {@link #reset()}, oldest first. */
    public synchronized List<Boolean> powerHistory(PortAddress port) {
        return List.copyOf(port(port).history());
    }

    /** Attaches or detaches the powered device: a port without one stays {@code searching}. */
    public void attachDevice(PortAddress port, boolean attached) {
        update(port, p -> p.withDevice(attached));
    }

    /** Makes the port's device never come back: detection stays {@code searching} after power-on. */
    public void failToComeBack(PortAddress port, boolean fails) {
        update(port, p -> p.withFailing(fails));
    }

    /** Makes the port's admin state refuse writes with {@code notWritable}, as a locked port does. */
    public synchronized void lock(PortAddress port, boolean locked) {
        port(port);
        rows.get(port).locked = locked;
    }

    /** Every port enabled with its device attached and working, histories cleared, locks released. */
    public synchronized void reset() {
        for (PortAddress address : ports.keySet()) {
            ports.put(address, SimulatedPort.fresh());
            rows.get(address).locked = false;
            publish(address);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            session.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the simulated PoE switch at " + address(), e);
        }
    }

    void adminWritten(PortAddress address, boolean enabled) {
        update(address, p -> p.withAdmin(enabled));
    }

    private void update(PortAddress address, java.util.function.UnaryOperator<SimulatedPort> change) {
        boolean was;
        boolean now;
        synchronized (this) {
            SimulatedPort before = port(address);
            SimulatedPort after = change.apply(before).settle();
            was = before.detection() == Detection.DELIVERING_POWER;
            now = after.detection() == Detection.DELIVERING_POWER;
            ports.put(address, was == now ? after : after.record(now));
            publish(address);
        }
        if (was != now) {
            listeners.forEach(l -> l.powerChanged(address, now));
        }
    }

    private void publish(PortAddress address) {
        SimulatedPort p = ports.get(address);
        PortRow row = rows.get(address);
        row.setValue(0, new Integer32(p.adminEnabled() ? Rfc3621.TRUE : Rfc3621.FALSE));
        row.setValue(1, new Integer32(Rfc3621.code(p.detection())));
        row.setValue(2, new Integer32(p.detection() == Detection.DELIVERING_POWER ? CLASS_4 : 1));
        long powered = ports.entrySet().stream().filter(e -> e.getKey().group() == address.group())
                .filter(e -> e.getValue().detection() == Detection.DELIVERING_POWER).count();
        ((DefaultMOMutableRow2PC) pseRows.get(address.group()))
                .setValue(1, new Gauge32(Math.round(powered * WATTS_PER_DEVICE)));
    }

    private SimulatedPort port(PortAddress address) {
        SimulatedPort p = ports.get(address);
        if (p == null) {
            throw new IllegalArgumentException("the simulated switch has no port " + address + " (has "
                    + ports.keySet() + ")");
        }
        return p;
    }

    private DefaultMOTable<PortRow, MOColumn<?>, DefaultMOMutableTableModel<PortRow>> portTable() {
        MOTableIndex index = new MOTableIndex(new MOTableSubIndex[] {
            new MOTableSubIndex(SMIConstants.SYNTAX_INTEGER), new MOTableSubIndex(SMIConstants.SYNTAX_INTEGER)});
        MOColumn<?>[] columns = {
            new MOMutableColumn<Integer32>(Rfc3621.ADMIN_ENABLE, SMIConstants.SYNTAX_INTEGER,
                    MOAccessImpl.ACCESS_READ_WRITE),
            new MOColumn<Integer32>(Rfc3621.DETECTION_STATUS, SMIConstants.SYNTAX_INTEGER,
                    MOAccessImpl.ACCESS_READ_ONLY),
            new MOColumn<Integer32>(Rfc3621.POWER_CLASSIFICATIONS, SMIConstants.SYNTAX_INTEGER,
                    MOAccessImpl.ACCESS_READ_ONLY)};
        DefaultMOMutableTableModel<PortRow> model = new DefaultMOMutableTableModel<>();
        for (PortAddress address : config.ports()) {
            PortRow row = new PortRow(this, address);
            rows.put(address, row);
            ports.put(address, SimulatedPort.fresh());
            model.addRow(row);
        }
        return new DefaultMOTable<>(Rfc3621.PSE_PORT_ENTRY, index, columns, model);
    }

    private DefaultMOTable<DefaultMOMutableRow2PC, MOColumn<?>, DefaultMOMutableTableModel<DefaultMOMutableRow2PC>>
            pseTable() {
        MOTableIndex index = new MOTableIndex(new MOTableSubIndex[] {
            new MOTableSubIndex(SMIConstants.SYNTAX_INTEGER)});
        MOColumn<?>[] columns = {
            new MOColumn<Gauge32>(Rfc3621.MAIN_PSE_POWER, SMIConstants.SYNTAX_GAUGE32, MOAccessImpl.ACCESS_READ_ONLY),
            new MOColumn<Gauge32>(Rfc3621.MAIN_PSE_CONSUMPTION, SMIConstants.SYNTAX_GAUGE32,
                    MOAccessImpl.ACCESS_READ_ONLY)};
        DefaultMOMutableTableModel<DefaultMOMutableRow2PC> model = new DefaultMOMutableTableModel<>();
        config.ports().stream().map(PortAddress::group).distinct().forEach(group -> {
            DefaultMOMutableRow2PC row = new DefaultMOMutableRow2PC(new OID(new int[] {group}),
                    new Variable[] {new Gauge32(120), new Gauge32(0)});
            pseRows.put(group, row);
            model.addRow(row);
        });
        DefaultMOTable<DefaultMOMutableRow2PC, MOColumn<?>, DefaultMOMutableTableModel<DefaultMOMutableRow2PC>> table =
                new DefaultMOTable<>(Rfc3621.MAIN_PSE_ENTRY, index, columns, model);
        ports.keySet().forEach(this::publish);
        return table;
    }

    private static void register(DefaultMOServer server, DefaultMOTable<?, ?, ?> table) {
        try {
            server.register(table, null);
        } catch (DuplicateRegistrationException e) {
            throw new IllegalStateException("simulated switch registered " + table.getOID() + " twice", e);
        }
    }

    private static int compare(PortAddress a, PortAddress b) {
        return a.group() != b.group() ? Integer.compare(a.group(), b.group()) : Integer.compare(a.port(), b.port());
    }

    /** A row of {@code pethPsePortTable} whose admin writes go through the simulator. */
    static final class PortRow extends DefaultMOMutableRow2PC {
        private final SimulatedPoeSwitch owner;
        private final PortAddress address;
        volatile boolean locked;

        PortRow(SimulatedPoeSwitch owner, PortAddress address) {
            super(new OID(new int[] {address.group(), address.port()}),
                    new Variable[] {new Integer32(Rfc3621.TRUE), new Integer32(Rfc3621.code(Detection.DELIVERING_POWER)),
                        new Integer32(CLASS_4)});
            this.owner = owner;
            this.address = address;
        }

        @Override
        public void prepare(SubRequest<?> subRequest, MOTableRow changeSet, int column) {
            Variable value = subRequest.getVariableBinding().getVariable();
            if (locked) {
                subRequest.getStatus().setErrorStatus(PDU.notWritable);
            } else if (!(value instanceof Integer32 i) || (i.getValue() != Rfc3621.TRUE && i.getValue() != Rfc3621.FALSE)) {
                subRequest.getStatus().setErrorStatus(PDU.wrongValue);
            } else {
                super.prepare(subRequest, changeSet, column);
            }
        }

        @Override
        public void commit(SubRequest<?> subRequest, MOTableRow changeSet, int column) {
            super.commit(subRequest, changeSet, column);
            int value = ((Integer32) subRequest.getVariableBinding().getVariable()).getValue();
            owner.adminWritten(address, value == Rfc3621.TRUE);
        }
    }
}
