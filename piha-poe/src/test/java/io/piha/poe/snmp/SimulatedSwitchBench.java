package io.piha.poe.snmp;

import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import io.piha.api.Secret;
import io.piha.poe.kit.PoeTestBench;
import io.piha.testkit.poe.SimulatedPoeSwitch;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The kit's bench on the in-process SNMP switch; one switch per test class, one driver per test. */
final class SimulatedSwitchBench implements PoeTestBench, AutoCloseable {

    static final PortMap PORTS = new PortMap("rack-switch", Map.of(
            "haos-primary", PortAddress.of(1, 1),
            "haos-standby", PortAddress.of(1, 2),
            "nas", PortAddress.of(1, 7),
            "uplink", PortAddress.of(1, 8),
            "ghost", PortAddress.of(1, 42)), Set.of("nas"));
    static final String COMMUNITY = "s3cret-rw-community";
    static final String USER = "piha";
    static final String AUTH_KEY = "auth-passphrase-1";
    static final String PRIV_KEY = "priv-passphrase-1";

    final SimulatedPoeSwitch sw;
    private final Function<SimulatedPoeSwitch, SnmpCredentials> credentials;
    private final Optional<SnmpCredentials> wrong;
    private final DatagramSocket silent;

    SimulatedSwitchBench(Function<SimulatedPoeSwitch, SnmpCredentials> credentials, Optional<SnmpCredentials> wrong) {
        this.sw = SimulatedPoeSwitch.builder().ports(1, 8).communities("public", COMMUNITY)
                .v3User(USER, AUTH_KEY, PRIV_KEY).start();
        this.credentials = credentials;
        this.wrong = wrong;
        try {
            this.silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SnmpCredentials v2c() {
        return SnmpCredentials.community(Secret.of(COMMUNITY));
    }

    static SnmpCredentials v3(String user, String authKey) {
        return SnmpCredentials.usm(user, AuthProtocol.SHA256, Secret.of(authKey),
                PrivProtocol.AES128, Secret.of(PRIV_KEY));
    }

    SnmpSwitchConfig config(SnmpCredentials creds) {
        return SnmpSwitchConfig.of(sw.address(), creds, PORTS).withTimeout(Duration.ofMillis(500), 1)
                .withPause(d -> { });
    }

    @Override
    public PoeDriver driver() {
        return SnmpPoeDriver.open(config(credentials.apply(sw)));
    }

    @Override
    public String port() {
        return "haos-primary";
    }

    @Override
    public boolean isPowered(String label) {
        return sw.isPowered(PORTS.require(label));
    }

    @Override
    public void reset() {
        sw.reset();
    }

    @Override
    public Optional<List<Boolean>> powerHistory(String label) {
        return Optional.of(sw.powerHistory(PORTS.require(label)));
    }

    @Override
    public Optional<String> portUnknownToSwitch() {
        return Optional.of("ghost");
    }

    @Override
    public Optional<PoeDriver> driverWithWrongCredentials() {
        return wrong.map(c -> SnmpPoeDriver.open(config(c)));
    }

    @Override
    public Optional<PoeDriver> driverForSilentSwitch() {
        return Optional.of(SnmpPoeDriver.open(SnmpSwitchConfig.of("udp:127.0.0.1/" + silent.getLocalPort(),
                credentials.apply(sw), PORTS).withTimeout(Duration.ofMillis(200), 0)));
    }

    @Override
    public Set<String> secrets() {
        return Set.of(COMMUNITY, AUTH_KEY, PRIV_KEY);
    }

    @Override
    public void close() {
        silent.close();
        sw.close();
    }
}
