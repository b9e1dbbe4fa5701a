package io.piha.poe.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.Secret;
import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PoeException;
import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import io.piha.api.recovery.PortStatus;
import io.piha.poe.safety.GuardedSwitch;
import io.piha.poe.safety.RecoveryOutcome;
import io.piha.poe.safety.RecoveryRequest;
import io.piha.poe.safety.SafetyConfig;
import io.piha.poe.safety.SafetyLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SNMP driver against Debian's net-snmp agent with a writable POWER-ETHERNET-MIB table: v2c, and v3 with
 * every authentication/privacy pair net-snmp offers (3DES it does not). Each pair cycles a port, and the
 * driver's read-back agrees with net-snmp's own {@code snmpget}. The agent's REPORTs (wrong digest, decryption
 * error, unknown user, unsupported security level) come back as their causes in words; so does the silence
 * with which net-snmp answers a wrong privacy password.
 */
@DisplayName("SNMP driver against Debian's net-snmp snmpd")
class NetSnmpInteropTest {

    private static final Map<AuthProtocol, String> AUTH = Map.of(AuthProtocol.MD5, "MD5", AuthProtocol.SHA1, "SHA",
            AuthProtocol.SHA224, "SHA-224", AuthProtocol.SHA256, "SHA-256", AuthProtocol.SHA384, "SHA-384",
            AuthProtocol.SHA512, "SHA-512");
    private static final Map<PrivProtocol, String> PRIV = Map.of(PrivProtocol.DES, "DES", PrivProtocol.AES128, "AES",
            PrivProtocol.AES192, "AES-192", PrivProtocol.AES256, "AES-256", PrivProtocol.AES192_3DES_KEY, "AES-192-C",
            PrivProtocol.AES256_3DES_KEY, "AES-256-C");
    private static final String AUTH_KEY = "auth-passphrase-1";
    private static final String PRIV_KEY = "priv-passphrase-1";
    private static final PortMap PORTS = new PortMap("netsnmp-switch", Map.of("haos-primary", PortAddress.of(1, 1),
            "haos-standby", PortAddress.of(1, 2), "ghost", PortAddress.of(1, 9)), Set.of());
    private static final String ADMIN_1 = ".1.3.6.1.2.1.105.1.1.1.3.1.1";

    private static Path dir;
    private static NetSnmpAgent agent;

    @BeforeAll
    static void startSnmpd() throws Exception {
        dir = Files.createTempDirectory("piha-netsnmp");
        List<NetSnmpAgent.User> users = new ArrayList<>();
        pairs().forEach(a -> {
            AuthProtocol auth = (AuthProtocol) a.get()[0];
            Optional<?> priv = (Optional<?>) a.get()[1];
            users.add(new NetSnmpAgent.User(user(auth, priv), AUTH.get(auth), AUTH_KEY,
                    priv.map(p -> PRIV.get((PrivProtocol) p)), PRIV_KEY));
        });
        agent = NetSnmpAgent.start(dir, users);
    }

    @AfterAll
    static void stopSnmpd() {
        if (agent != null) {
            agent.close();
        }
    }

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (AuthProtocol auth : AuthProtocol.values()) {
            pairs.add(Arguments.of(auth, Optional.empty()));
            for (PrivProtocol priv : PRIV.keySet().stream().sorted().toList()) {
                pairs.add(Arguments.of(auth, Optional.of(priv)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "v3 {0} with privacy {1}")
    @MethodSource("pairs")
    void everyPairNetSnmpOffersCyclesAPortAndTheReadBackAgreesWithSnmpget(AuthProtocol auth,
                                                                         Optional<PrivProtocol> priv) throws Exception {
        List<String> security = new ArrayList<>(List.of("-v3", "-u", user(auth, priv), "-a", AUTH.get(auth),
                "-A", AUTH_KEY));
        priv.ifPresentOrElse(p -> security.addAll(List.of("-l", "authPriv", "-x", PRIV.get(p), "-X", PRIV_KEY)),
                () -> security.addAll(List.of("-l", "authNoPriv")));
        try (PoeDriver driver = driver(credentials(auth, priv))) {
            cycleAndCompare(driver, security);
        }
    }

    @Test
    void v2cCyclesAPortAndTheReadBackAgreesWithSnmpget() throws Exception {
        try (PoeDriver driver = driver(SnmpCredentials.community(Secret.of(NetSnmpAgent.WRITE_COMMUNITY)))) {
            cycleAndCompare(driver, List.of("-v2c", "-c", NetSnmpAgent.READ_COMMUNITY));
            PortStatus status = driver.status("haos-primary");
            assertThat(status.powerClass()).hasValue(4);
            assertThat(status.pseWatts()).hasValue(28.0);
        }
    }

    @Test
    void aWrongAuthenticationPasswordIsNamedAsAWrongDigest() {
        SnmpCredentials wrong = SnmpCredentials.usm(user(AuthProtocol.SHA1, Optional.of(PrivProtocol.AES128)),
                AuthProtocol.SHA1, Secret.of("not-the-auth-key"), PrivProtocol.AES128, Secret.of(PRIV_KEY));
        assertDenied(wrong, "usmStatsWrongDigests", "wrong authentication password");
    }

    /** net-snmp drops what it cannot decrypt without a report; a signed, unencrypted probe names the cause. */
    @Test
    void aWrongPrivacyPasswordIsNamedAlthoughNetSnmpStaysSilent() {
        SnmpCredentials wrong = SnmpCredentials.usm(user(AuthProtocol.SHA256, Optional.of(PrivProtocol.AES128)),
                AuthProtocol.SHA256, Secret.of(AUTH_KEY), PrivProtocol.AES128, Secret.of("not-the-priv-key"));
        assertDenied(wrong, "the authentication password is right, so the privacy password is wrong");
    }

    @Test
    void anUnknownUserIsNamedInWordsNotAsARawOid() {
        SnmpCredentials stranger = SnmpCredentials.usm("stranger", AuthProtocol.SHA256, Secret.of(AUTH_KEY),
                PrivProtocol.AES128, Secret.of(PRIV_KEY));
        assertDenied(stranger, "does not know SNMPv3 user 'stranger'", "usmStatsUnknownUserNames");
    }

    @Test
    void askingForPrivacyFromAnAuthOnlyUserIsNamedAsAnUnsupportedSecurityLevel() {
        SnmpCredentials tooMuch = SnmpCredentials.usm(user(AuthProtocol.SHA1, Optional.empty()), AuthProtocol.SHA1,
                Secret.of(AUTH_KEY), PrivProtocol.AES128, Secret.of(PRIV_KEY));
        assertDenied(tooMuch, "usmStatsUnsupportedSecLevels", "security level authPriv");
    }

    @Test
    void aReadOnlyCommunityIsDeniedAndTheGuardedCycleReportsThePortUntouched() throws Exception {
        try (PoeDriver reader = driver(SnmpCredentials.community(Secret.of(NetSnmpAgent.READ_COMMUNITY)))) {
            GuardedSwitch guard = new GuardedSwitch(reader, SafetyConfig.ofDefaults(),
                    SafetyLedger.open(dir.resolve("ledger")), Clock.systemUTC(), d -> { }, e -> { }, a -> { });
            RecoveryOutcome outcome = guard.powerCycle(RecoveryRequest.of("haos-standby", "test", "read-only"));
            assertThat(outcome).isInstanceOfSatisfying(RecoveryOutcome.Failed.class, f -> {
                assertThat(f.stage()).isEqualTo(RecoveryOutcome.Stage.SWITCH_OFF);
                assertThat(f.port()).isEqualTo(RecoveryOutcome.PortAfter.UNTOUCHED);
                assertThat(f.reason()).contains("AccessDenied");
            });
        }
        assertThat(agent.snmpget(List.of("-v2c", "-c", NetSnmpAgent.READ_COMMUNITY), ".1.3.6.1.2.1.105.1.1.1.3.1.2"))
                .isEqualTo("1");
    }

    @Test
    void aPortTheAgentDoesNotHaveIsAnUnknownPort() {
        try (PoeDriver driver = driver(SnmpCredentials.community(Secret.of(NetSnmpAgent.WRITE_COMMUNITY)))) {
            assertThatThrownBy(() -> driver.powerOff("ghost")).isInstanceOf(PoeException.UnknownPort.class)
                    .hasMessageContaining("1.9");
        }
    }

    private static void cycleAndCompare(PoeDriver driver, List<String> security) throws Exception {
        driver.powerCycle("haos-primary", Duration.ofMillis(50));
        assertThat(driver.status("haos-primary").isPowering()).isTrue();
        assertThat(agent.snmpget(security, ADMIN_1)).isEqualTo("1");
        driver.powerOff("haos-primary");
        assertThat(driver.status("haos-primary").adminEnabled()).isFalse();
        assertThat(agent.snmpget(security, ADMIN_1)).as("snmpget agrees: off").isEqualTo("2");
        driver.powerOn("haos-primary");
        assertThat(agent.snmpget(security, ADMIN_1)).as("snmpget agrees: on").isEqualTo("1");
        assertThat(driver.status("haos-primary").isPowering()).isTrue();
    }

    private static void assertDenied(SnmpCredentials credentials, String... words) {
        try (PoeDriver driver = driver(credentials)) {
            var thrown = assertThatThrownBy(() -> driver.powerOff("haos-standby"))
                    .isInstanceOf(PoeException.AccessDenied.class)
                    .hasMessageNotContaining(AUTH_KEY).hasMessageNotContaining(PRIV_KEY)
                    .hasMessageNotContaining("not-the-");
            for (String word : words) {
                thrown.hasMessageContaining(word);
            }
        }
    }

    private static PoeDriver driver(SnmpCredentials credentials) {
        return SnmpPoeDriver.open(SnmpSwitchConfig.of(agent.address(), credentials, PORTS)
                .withTimeout(Duration.ofMillis(700), 1).withPause(d -> Thread.sleep(d.toMillis())));
    }

    private static SnmpCredentials credentials(AuthProtocol auth, Optional<PrivProtocol> priv) {
        return priv.map(p -> SnmpCredentials.usm(user(auth, priv), auth, Secret.of(AUTH_KEY), p, Secret.of(PRIV_KEY)))
                .orElseGet(() -> SnmpCredentials.usmWithoutPrivacy(user(auth, priv), auth, Secret.of(AUTH_KEY)));
    }

    private static String user(AuthProtocol auth, Optional<?> priv) {
        return "u-" + auth.word() + "-" + priv.map(p -> ((PrivProtocol) p).word()).orElse("nopriv");
    }
}
