package io.piha.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PoeException;
import io.piha.api.recovery.PortAddress;
import io.piha.poe.safety.GuardedSwitch;
import io.piha.poe.safety.RecoveryOutcome;
import io.piha.poe.safety.RecoveryRequest;
import io.piha.service.config.ConfigLoader;
import io.piha.service.config.SwitchConfig;
import io.piha.testkit.ManualClock;
import io.piha.testkit.poe.SimulatedPoeSwitch;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.PrivDES;

/** Each per-switch key of the YAML changes what the opened switch does. */
class SwitchSettingsEffectTest {

    private static SimulatedPoeSwitch sw;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T04:00:00Z"));

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sw = SimulatedPoeSwitch.builder().ports(1, 4)
                .v3User("sha512-des", AuthHMAC384SHA512.ID, "auth-passphrase-1", PrivDES.ID, "priv-passphrase-1")
                .v3User("md5-des", AuthMD5.ID, "auth-passphrase-1", PrivDES.ID, "priv-passphrase-1").start();
    }

    @AfterAll
    static void stop() {
        sw.close();
    }

    @BeforeEach
    void reset() {
        sw.reset();
    }

    @Test
    void issue21Sha512Md5AndDesNoLongerFailAtStart() {
        for (String user : List.of("sha512-des", "md5-des")) {
            String auth = user.startsWith("sha512") ? "sha512" : "md5";
            SwitchConfig c = load(address() + """
                    credentials: {v3: {user: %s, auth_protocol: %s, auth_password: auth-passphrase-1,
                                       priv_protocol: des, priv_password: priv-passphrase-1}}
                    """.formatted(user, auth));
            try (PoeDriver driver = Switches.driver(c)) {
                driver.powerOff("haos-primary");
                assertThat(driver.status("haos-primary").adminEnabled()).isFalse();
            }
        }
    }

    @Test
    void timeoutAndRetriesDecideHowLongASilentSwitchIsWaitedFor() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            SwitchConfig c = load("address: 127.0.0.1:" + silent.getLocalPort() + "\n"
                    + "credentials: {community: private}\ntimeout: 150ms\nretries: 2\n");
            try (PoeDriver driver = Switches.driver(c)) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> driver.status("haos-primary")).isInstanceOf(PoeException.SwitchUnreachable.class)
                        .hasMessageContaining("within PT0.15S x 3 tries");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            }
        }
    }

    @Test
    void aHostNameThatDoesNotResolveIsNamedWhenTheSwitchIsUsed() {
        SwitchConfig c = load("address: switch.home.invalid\ncredentials: {community: private}\n");
        try (PoeDriver driver = Switches.driver(c)) {
            assertThatThrownBy(() -> driver.status("haos-primary")).isInstanceOf(PoeException.SwitchUnreachable.class)
                    .hasMessageContaining("cannot resolve the host name 'switch.home.invalid'");
        }
    }

    @Test
    void offTimeIsHowLongACycleKeepsThePortOff() {
        List<Long> changes = new CopyOnWriteArrayList<>();
        sw.addListener((port, on) -> changes.add(System.nanoTime()));
        SwitchConfig c = load(address() + "credentials: {community: private}\nlimits: {off_time: 400ms}\n");
        GuardedSwitch guard = Switches.open(c, dir, clock, e -> { }, a -> { }, false);
        assertThat(guard.powerCycle(RecoveryRequest.of("haos-primary", "test", "off time")))
                .isInstanceOf(RecoveryOutcome.Done.class);
        assertThat(changes).hasSize(2);
        assertThat(Duration.ofNanos(changes.get(1) - changes.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void cooldownIsTheTimeBetweenTwoActionsOnAPort() {
        SwitchConfig c = load(address() + "credentials: {community: private}\nlimits: {off_time: 10ms, cooldown: 2m}\n");
        GuardedSwitch guard = Switches.open(c, dir, clock, e -> { }, a -> { }, false);
        assertThat(cycle(guard, "haos-primary")).isInstanceOf(RecoveryOutcome.Done.class);
        clock.advance(Duration.ofSeconds(119));
        assertThat(cycle(guard, "haos-primary")).isInstanceOfSatisfying(RecoveryOutcome.Refused.class,
                r -> assertThat(r.reason()).contains("cooldown PT2M"));
        clock.advance(Duration.ofSeconds(2));
        assertThat(cycle(guard, "haos-primary")).isInstanceOf(RecoveryOutcome.Done.class);
    }

    @Test
    void rateLimitsCountActionsOnTheSwitchWithinTheWindow() {
        SwitchConfig c = load(address() + "credentials: {community: private}\n"
                + "limits: {off_time: 10ms, per_switch: 1, window: 30m}\n");
        GuardedSwitch guard = Switches.open(c, dir, clock, e -> { }, a -> { }, false);
        assertThat(cycle(guard, "haos-primary")).isInstanceOf(RecoveryOutcome.Done.class);
        assertThat(cycle(guard, "haos-standby")).isInstanceOfSatisfying(RecoveryOutcome.Refused.class,
                r -> assertThat(r.rule()).isEqualTo(RecoveryOutcome.Rule.SWITCH_RATE));
        clock.advance(Duration.ofMinutes(31));
        assertThat(cycle(guard, "haos-standby")).isInstanceOf(RecoveryOutcome.Done.class);
        assertThat(sw.powerHistory(PortAddress.of(1, 2))).containsExactly(false, true);
    }

    private static RecoveryOutcome cycle(GuardedSwitch guard, String label) {
        return guard.powerCycle(RecoveryRequest.of(label, "test", "settings"));
    }

    private static String address() {
        return "address: 127.0.0.1:" + sw.udpPort() + "\n";
    }

    private static SwitchConfig load(String keys) {
        String yaml = """
                broker: {url: "mqtt://nas.lan"}
                services: [{primary: haos-primary, standby: haos-standby, fencing: confirmed_dead}]
                hosts:
                  - {id: haos-primary, probes: [{type: tcp, address: "10.0.0.5:22"}]}
                  - {id: haos-standby, probes: [{type: tcp, address: "10.0.0.6:22"}]}
                switches:
                  - name: rack
                    type: snmp
                    ports: {haos-primary: "1.1", haos-standby: "1.2"}
                """ + keys.lines().map(l -> "    " + l + "\n").reduce("", String::concat);
        return new ConfigLoader(Map.of()).parseControlPlane("switch.yaml", yaml).switches().get(0);
    }
}
