package io.piha.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.piha.poe.snmp.AuthProtocol;
import io.piha.poe.snmp.PrivProtocol;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code switches} section: one protocol list, addresses checked at load, and every per-switch key. */
class SwitchesConfigTest {

    private static final String HEAD = """
            broker: {url: "mqtt://nas.lan"}
            services: [{primary: haos-primary, standby: ha-standby, fencing: confirmed_dead}]
            hosts:
              - {id: haos-primary, probes: [{type: tcp, address: "10.0.0.5:22"}]}
              - {id: ha-standby, probes: [{type: tcp, address: "10.0.0.6:22"}]}
            switches:
            """;

    private final ConfigLoader loader = new ConfigLoader(Map.of("AUTH", "auth-passphrase-1", "PRIV", "priv-passphrase-1"));

    @Test
    void everyProtocolWordOfTheSnmpDriverIsAcceptedAndReadByItsOwnList() {
        for (AuthProtocol auth : AuthProtocol.values()) {
            for (PrivProtocol priv : PrivProtocol.values()) {
                SwitchCredentials.SnmpV3 v3 = v3(auth.word(), priv.word());
                assertThat(v3.authProtocol()).isEqualTo(auth);
                assertThat(v3.privProtocol()).contains(priv);
            }
        }
    }

    @Test
    void issue21Sha512Md5AndDesAreTheDriversProtocolsNotWordsOfTheirOwn() {
        assertThat(v3("sha512", "des").authProtocol()).isEqualTo(AuthProtocol.SHA512);
        assertThat(v3("md5", "des").privProtocol()).contains(PrivProtocol.DES);
        assertThat(v3("SHA-1", "AES-256-C").privProtocol()).contains(PrivProtocol.AES256_3DES_KEY);
    }

    @Test
    void privacyNoneIsAuthNoPrivWithoutAPrivacyPassword() {
        ControlPlaneConfig config = loader.parseControlPlane("v3.yaml", HEAD + """
                  - name: rack
                    type: snmp
                    address: 10.0.0.2
                    credentials: {v3: {user: piha, auth_protocol: sha, auth_password: "${AUTH}", priv_protocol: none}}
                    ports: {haos-primary: "1.1"}
                """);
        assertThat(config.switches().get(0).credentials().v3().orElseThrow().privProtocol()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"host:abc", "10.0.0.2:99999", "300.1.1.1", "10.0.0.2:0", "sw itch", "https://10.0.0.2:99999"})
    void aBadAddressIsRefusedAtLoadNamingTheValue(String address) {
        List<String> problems = problems(HEAD + """
                  - name: rack
                    type: %s
                    address: "%s"
                    credentials: {username: admin, password: secret-pw}
                    ports: {haos-primary: "ether2"}
                """.formatted("routeros", address));
        assertThat(problems).singleElement().asString().startsWith("switches[0].address:").contains(address);
    }

    @Test
    void aHostNameIsOnlySpelledAtLoadAndResolvedWhenTheSwitchIsUsed() {
        ControlPlaneConfig config = loader.parseControlPlane("dns.yaml", HEAD + """
                  - {name: rack, type: snmp, address: "switch.home.invalid:1161", credentials: {community: private},
                     ports: {haos-primary: "1.1"}}
                """);
        assertThat(config.switches().get(0).address()).isEqualTo("switch.home.invalid:1161");
    }

    @Test
    void transportAndLimitsAreReadPerSwitchWithTheirDefaultsOtherwise() {
        ControlPlaneConfig config = loader.parseControlPlane("limits.yaml", HEAD + """
                  - name: rack
                    type: snmp
                    address: 10.0.0.2
                    credentials: {community: private}
                    ports: {haos-primary: "1.1"}
                    timeout: 750ms
                    retries: 3
                    limits: {off_time: 8s, cooldown: 30m, per_switch: 2, global: 5, window: 2h}
                  - {name: plug, type: shelly, address: "http://10.0.0.9", allow_plain_http: true,
                     credentials: {password: plug-secret}, ports: {nas: "1"}}
                """);
        SwitchConfig rack = config.switches().get(0);
        assertThat(rack.transport()).isEqualTo(new SwitchConfig.Transport(Duration.ofMillis(750), 3, false));
        assertThat(rack.limits()).isEqualTo(new SwitchConfig.Limits(Duration.ofSeconds(8), Duration.ofMinutes(30), 2, 5,
                Duration.ofHours(2)));
        SwitchConfig plug = config.switches().get(1);
        assertThat(plug.transport().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(plug.limits()).isEqualTo(SwitchKeys.defaults());
    }

    @Test
    void controllersNeedTheirSiteKeysAndCredentials() {
        List<String> problems = problems(HEAD + """
                  - {name: u, type: unifi, address: "https://udm.lan", credentials: {username: a, password: b},
                     ports: {haos-primary: "3"}, controller: cloud}
                  - {name: o, type: omada, address: "https://oc200.lan", credentials: {username: a, password: b},
                     ports: {haos-primary: "x3"}, mac: "aa-bb-cc-dd-ee-0"}
                  - {name: n, type: netgear, address: "https://m4250.lan:8443", ports: {haos-primary: "3"},
                     site: default}
                  - {name: s, type: tasmota, address: "http://plug.lan", credentials: {password: p4ss}, ports: {a: "1"}}
                """);
        assertThat(problems).contains(
                "switches[0].mac: is required: the switch's MAC address, e.g. 74:ac:b9:14:2c:8e",
                "switches[0].controller: must be unifi_os (UDM, UCG, Cloud Key Gen2+) or classic (self-hosted) (value: cloud)",
                "switches[1].mac: must be a MAC address, e.g. 74:ac:b9:14:2c:8e (value: aa-bb-cc-dd-ee-0)",
                "switches[1].credentials: an omada controller needs the client_id and client_secret of an Open API "
                        + "application (Settings > Platform Integration)",
                "switches[1].ports.haos-primary: a omada port is the switch's port number, e.g. 3 (value: x3)",
                "switches[2].credentials: a netgear switch needs a username and password",
                "switches[2].site: is only used by unifi and omada switches");
        assertThat(problems).anyMatch(p -> p.startsWith("switches[3].address: credentials would travel unencrypted"));
    }

    private SwitchCredentials.SnmpV3 v3(String auth, String priv) {
        ControlPlaneConfig config = loader.parseControlPlane("v3.yaml", HEAD + """
                  - name: rack
                    type: snmp
                    address: 10.0.0.2
                    credentials:
                      v3: {user: piha, auth_protocol: "%s", auth_password: "${AUTH}", priv_protocol: "%s",
                           priv_password: "${PRIV}"}
                    ports: {haos-primary: "1.1"}
                """.formatted(auth, priv));
        return config.switches().get(0).credentials().v3().orElseThrow();
    }

    private List<String> problems(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parseControlPlane("bad.yaml", yaml));
        assertThat(e).as("the file was accepted").isNotNull();
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }
}
