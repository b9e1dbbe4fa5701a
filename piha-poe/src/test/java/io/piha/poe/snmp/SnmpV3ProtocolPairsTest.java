package io.piha.poe.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piha.api.Secret;
import io.piha.api.recovery.PoeCapability;
import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import io.piha.testkit.poe.SimulatedPoeSwitch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snmp4j.security.AuthHMAC128SHA224;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.Priv3DES;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.nonstandard.PrivAES192With3DESKeyExtension;
import org.snmp4j.security.nonstandard.PrivAES256With3DESKeyExtension;
import org.snmp4j.smi.OID;

/**
 * Every SNMPv3 pair the driver offers (6 authentication x 7 privacy protocols, and each authentication
 * protocol without privacy) switches a port of the in-process agent off and on and reads it back. The agent
 * knows the protocols by SNMP4J's own OIDs, written here from SNMP4J's classes, not from the driver's list.
 */
class SnmpV3ProtocolPairsTest {

    private static final Map<AuthProtocol, OID> AUTH = Map.of(AuthProtocol.MD5, AuthMD5.ID, AuthProtocol.SHA1, AuthSHA.ID,
            AuthProtocol.SHA224, AuthHMAC128SHA224.ID, AuthProtocol.SHA256, AuthHMAC192SHA256.ID,
            AuthProtocol.SHA384, AuthHMAC256SHA384.ID, AuthProtocol.SHA512, AuthHMAC384SHA512.ID);
    private static final Map<PrivProtocol, OID> PRIV = Map.of(PrivProtocol.DES, PrivDES.ID,
            PrivProtocol.TRIPLE_DES, Priv3DES.ID, PrivProtocol.AES128, PrivAES128.ID, PrivProtocol.AES192, PrivAES192.ID,
            PrivProtocol.AES256, PrivAES256.ID, PrivProtocol.AES192_3DES_KEY, PrivAES192With3DESKeyExtension.ID,
            PrivProtocol.AES256_3DES_KEY, PrivAES256With3DESKeyExtension.ID);
    private static final PortMap PORTS = new PortMap("rack-switch", Map.of("haos-primary", PortAddress.of(1, 1)),
            Set.of());
    private static final String AUTH_KEY = "auth-passphrase-1";
    private static final String PRIV_KEY = "priv-passphrase-1";

    private static SimulatedPoeSwitch sw;

    @BeforeAll
    static void startSwitchWithAUserPerPair() {
        io.piha.testkit.poe.SimulatedSwitchConfig.Builder builder = SimulatedPoeSwitch.builder().ports(1, 2);
        for (Arguments pair : pairs().toList()) {
            AuthProtocol auth = (AuthProtocol) pair.get()[0];
            Optional<?> priv = (Optional<?>) pair.get()[1];
            if (priv.isPresent()) {
                builder.v3User(user(auth, priv), AUTH.get(auth), AUTH_KEY, PRIV.get((PrivProtocol) priv.get()), PRIV_KEY);
            } else {
                builder.v3UserWithoutPrivacy(user(auth, priv), AUTH.get(auth), AUTH_KEY);
            }
        }
        sw = builder.start();
    }

    @AfterAll
    static void stop() {
        sw.close();
    }

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (AuthProtocol auth : AuthProtocol.values()) {
            pairs.add(Arguments.of(auth, Optional.empty()));
            for (PrivProtocol priv : PrivProtocol.values()) {
                pairs.add(Arguments.of(auth, Optional.of(priv)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} with privacy {1}")
    @MethodSource("pairs")
    void everyPairSwitchesAPortOffAndOnAndReadsItBack(AuthProtocol auth, Optional<PrivProtocol> priv) {
        sw.reset();
        try (PoeDriver driver = SnmpPoeDriver.open(SnmpSwitchConfig.of(sw.address(), credentials(auth, priv), PORTS)
                .withTimeout(Duration.ofSeconds(1), 1))) {
            driver.powerOff("haos-primary");
            assertThat(sw.isAdminEnabled(PortAddress.of(1, 1))).isFalse();
            assertThat(driver.status("haos-primary").adminEnabled()).isFalse();
            driver.powerOn("haos-primary");
            assertThat(driver.status("haos-primary").isPowering()).isTrue();
            assertThat(driver.capabilities().contains(PoeCapability.SECURE_TRANSPORT)).isEqualTo(priv.isPresent());
        }
        assertThat(sw.powerHistory(PortAddress.of(1, 1))).containsExactly(false, true);
    }

    @Test
    void eachProtocolIsTheSnmp4jProtocolOfItsName() {
        AUTH.forEach((auth, oid) -> assertThat(auth.snmp4j().getID()).as(auth.name()).isEqualTo(oid));
        PRIV.forEach((priv, oid) -> assertThat(priv.snmp4j().getID()).as(priv.name()).isEqualTo(oid));
        assertThat(AUTH).hasSize(AuthProtocol.values().length);
        assertThat(PRIV).hasSize(PrivProtocol.values().length);
    }

    @Test
    void protocolsAreReadAsSwitchesAndNetSnmpWriteThem() {
        assertThat(AuthProtocol.parse("SHA-256")).isEqualTo(AuthProtocol.SHA256);
        assertThat(AuthProtocol.parse("sha1")).isEqualTo(AuthProtocol.SHA1);
        assertThat(AuthProtocol.parse("SHA")).isEqualTo(AuthProtocol.SHA1);
        assertThat(PrivProtocol.parse("AES")).isEqualTo(PrivProtocol.AES128);
        assertThat(PrivProtocol.parse("AES-256-C")).isEqualTo(PrivProtocol.AES256_3DES_KEY);
        assertThat(PrivProtocol.parse("3DES")).isEqualTo(PrivProtocol.TRIPLE_DES);
        assertThatThrownBy(() -> AuthProtocol.parse("sha3")).hasMessageContaining("'sha3'")
                .hasMessageContaining("[md5, sha, sha224, sha256, sha384, sha512]");
        assertThatThrownBy(() -> PrivProtocol.parse("rot13")).hasMessageContaining("'rot13'")
                .hasMessageContaining("[des, 3des, aes128, aes192, aes256, aes192c, aes256c]");
    }

    @Test
    void aUserAskingForPrivacyTheSwitchDoesNotGiveItGetsNoUsableAnswerNamingTheLevel() {
        SnmpCredentials authPrivForAnAuthOnlyUser = SnmpCredentials.usm(user(AuthProtocol.SHA1, Optional.empty()),
                AuthProtocol.SHA1, Secret.of(AUTH_KEY), PrivProtocol.AES128, Secret.of(PRIV_KEY));
        try (PoeDriver driver = SnmpPoeDriver.open(SnmpSwitchConfig.of(sw.address(), authPrivForAnAuthOnlyUser, PORTS)
                .withTimeout(Duration.ofMillis(200), 0))) {
            assertThatThrownBy(() -> driver.powerOff("haos-primary"))
                    .isInstanceOfAny(io.piha.api.recovery.PoeException.AccessDenied.class,
                            io.piha.api.recovery.PoeException.SwitchUnreachable.class)
                    .hasMessageNotContaining(AUTH_KEY).hasMessageNotContaining(PRIV_KEY);
        }
        assertThat(sw.isAdminEnabled(PortAddress.of(1, 1))).isTrue();
    }

    private static SnmpCredentials credentials(AuthProtocol auth, Optional<PrivProtocol> priv) {
        return priv.map(p -> SnmpCredentials.usm(user(auth, priv), auth, Secret.of(AUTH_KEY), p, Secret.of(PRIV_KEY)))
                .orElseGet(() -> SnmpCredentials.usmWithoutPrivacy(user(auth, priv), auth, Secret.of(AUTH_KEY)));
    }

    private static String user(AuthProtocol auth, Optional<?> priv) {
        return ("u-" + auth.word() + "-" + priv.map(p -> ((PrivProtocol) p).word()).orElse("nopriv"))
                .toLowerCase(Locale.ROOT);
    }
}
