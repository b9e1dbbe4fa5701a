package io.piha.service;

import io.piha.api.alert.AlertSink;
import io.piha.api.audit.AuditLog;
import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PortMap;
import io.piha.api.Secret;
import io.piha.service.config.SwitchConfig;
import io.piha.service.config.SwitchCredentials;
import io.piha.poe.Pause;
import io.piha.poe.rest.HttpDeviceConfig;
import io.piha.poe.rest.RouterOsPoeDriver;
import io.piha.poe.rest.ShellyPlugDriver;
import io.piha.poe.rest.TasmotaPlugDriver;
import io.piha.poe.safety.GuardedSwitch;
import io.piha.poe.safety.SafetyConfig;
import io.piha.poe.safety.SafetyLedger;
import io.piha.poe.snmp.SnmpCredentials;
import io.piha.poe.snmp.SnmpPoeDriver;
import io.piha.poe.snmp.SnmpSwitchConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/** Opens the configured switches behind piha-poe's safety layer, with a ledger file per switch. */
final class Switches {

    private Switches() {
    }

    static GuardedSwitch open(SwitchConfig c, Path stateDir, Clock clock, AuditLog audit, AlertSink alerts) {
        PoeDriver driver = driver(c);
        SafetyConfig safety = SafetyConfig.custom().protectedLabels(c.protectedPorts()).build();
        SafetyLedger ledger = SafetyLedger.open(stateDir.resolve("poe-ledger-" + c.name()));
        return new GuardedSwitch(driver, safety, ledger, clock, Pause.REAL, audit, alerts);
    }

    static PoeDriver driver(SwitchConfig c) {
        PortMap map = c.portMap();
        switch (c.type()) {
            case SNMP:
                return SnmpPoeDriver.open(SnmpSwitchConfig.of(snmpAddress(c.address()), snmp(c), map));
            case ROUTEROS:
                return new RouterOsPoeDriver(http(c, map));
            case SHELLY:
                return new ShellyPlugDriver(http(c, map));
            case TASMOTA:
                return new TasmotaPlugDriver(http(c, map));
            default:
                throw new IllegalArgumentException("switches." + c.name() + ".type: " + c.type().name().toLowerCase(Locale.ROOT)
                        + " cannot be opened from the configuration yet (UniFi needs the site and device MAC; "
                        + "'simulated' is for drills): wire it in code");
        }
    }

    private static HttpDeviceConfig http(SwitchConfig c, PortMap map) {
        SwitchCredentials cred = c.credentials();
        return HttpDeviceConfig.of(URI.create(c.address()), cred.username().orElse("admin"),
                Secret.of(cred.password().map(p -> p.reveal()).orElse("")), map);
    }

    private static SnmpCredentials snmp(SwitchConfig c) {
        SwitchCredentials cred = c.credentials();
        if (cred.v3().isPresent()) {
            SwitchCredentials.SnmpV3 v3 = cred.v3().get();
            return SnmpCredentials.usm(v3.user(), authProtocol(c, v3.authProtocol()), Secret.of(v3.authPassword().reveal()),
                    privProtocol(c, v3.privProtocol()), Secret.of(v3.privPassword().reveal()));
        }
        return SnmpCredentials.community(Secret.of(cred.community().map(p -> p.reveal()).orElse("private")));
    }

    private static SnmpCredentials.AuthProtocol authProtocol(SwitchConfig c, String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "sha":
            case "sha1":
                return SnmpCredentials.AuthProtocol.SHA1;
            case "sha256":
                return SnmpCredentials.AuthProtocol.SHA256;
            default:
                throw new IllegalArgumentException("switches." + c.name() + ".credentials.v3.auth_protocol: '" + name
                        + "' is not supported by the SNMP driver (use sha or sha256)");
        }
    }

    private static SnmpCredentials.PrivProtocol privProtocol(SwitchConfig c, String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "aes":
            case "aes128":
                return SnmpCredentials.PrivProtocol.AES128;
            case "aes256":
                return SnmpCredentials.PrivProtocol.AES256;
            default:
                throw new IllegalArgumentException("switches." + c.name() + ".credentials.v3.priv_protocol: '" + name
                        + "' is not supported by the SNMP driver (use aes128 or aes256)");
        }
    }

    /** SNMP4J's {@code udp:host/port} from {@code host}, {@code host:port} or {@code udp:host/port}. */
    static String snmpAddress(String address) {
        if (address.startsWith("udp:") || address.contains("/")) {
            return address.startsWith("udp:") ? address : "udp:" + address;
        }
        int colon = address.lastIndexOf(':');
        boolean hostAndPort = colon > 0 && address.indexOf(':') == colon;
        return hostAndPort ? "udp:" + address.substring(0, colon) + "/" + address.substring(colon + 1) : "udp:" + address + "/161";
    }
}
