package io.piha.service;

import io.piha.api.Secret;
import io.piha.api.alert.AlertSink;
import io.piha.api.audit.AuditLog;
import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PortMap;
import io.piha.poe.Pause;
import io.piha.poe.SwitchAddress;
import io.piha.poe.memory.InMemoryPoeDriver;
import io.piha.poe.rest.HttpDeviceConfig;
import io.piha.poe.rest.NetgearPoeDriver;
import io.piha.poe.rest.OmadaPoeDriver;
import io.piha.poe.rest.RouterOsPoeDriver;
import io.piha.poe.rest.ShellyPlugDriver;
import io.piha.poe.rest.TasmotaPlugDriver;
import io.piha.poe.rest.UnifiPoeDriver;
import io.piha.poe.safety.GuardedSwitch;
import io.piha.poe.safety.SafetyConfig;
import io.piha.poe.safety.SafetyLedger;
import io.piha.poe.snmp.SnmpCredentials;
import io.piha.poe.snmp.SnmpPoeDriver;
import io.piha.poe.snmp.SnmpSwitchConfig;
import io.piha.service.config.SwitchConfig;
import io.piha.service.config.SwitchCredentials;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Opens a configured switch: its driver, behind piha-poe's safety layer with the switch's own limits and a
 * ledger file per switch in the state directory. The one place a {@link SwitchConfig} becomes a driver, for
 * the control plane and the command line alike.
 *
 * @since 0.1
 */
public final class Switches {

    private Switches() {
    }

    /**
     * The switch's driver behind the safety layer.
     *
     * @param dryRun plan and audit, never send
     */
    public static GuardedSwitch open(SwitchConfig c, Path stateDir, Clock clock, AuditLog audit, AlertSink alerts,
                                     boolean dryRun) {
        return new GuardedSwitch(driver(c), safety(c, dryRun), ledger(c, stateDir), clock, Pause.REAL, audit, alerts);
    }

    /** The switch as the control plane opens it: never a dry run. */
    public static GuardedSwitch open(SwitchConfig c, Path stateDir, Clock clock, AuditLog audit, AlertSink alerts) {
        return open(c, stateDir, clock, audit, alerts, false);
    }

    /** The ledger file of a switch, shared by the control plane and the command line. */
    public static SafetyLedger ledger(SwitchConfig c, Path stateDir) {
        return SafetyLedger.open(stateDir.resolve("poe-ledger-" + c.name()));
    }

    /** The safety layer's limits of a switch, as configured. */
    public static SafetyConfig safety(SwitchConfig c, boolean dryRun) {
        SwitchConfig.Limits l = c.limits();
        return SafetyConfig.custom().protectedLabels(c.protectedPorts()).offTime(l.offTime()).portCooldown(l.cooldown())
                .rateLimits(l.perSwitch(), l.global(), l.window()).dryRun(dryRun).build();
    }

    /**
     * The switch's driver. Nothing is sent, and no host name resolved, until its first call.
     *
     * @throws IllegalArgumentException if the configuration cannot make a driver (checked at load already)
     */
    public static PoeDriver driver(SwitchConfig c) {
        PortMap map = c.portMap();
        return switch (c.type()) {
            case SNMP -> SnmpPoeDriver.open(new SnmpSwitchConfig(SwitchAddress.parse(c.address(),
                    SnmpSwitchConfig.DEFAULT_PORT), snmp(c.credentials()), map, c.transport().timeout(),
                    c.transport().retries(), Pause.REAL));
            case ROUTEROS -> new RouterOsPoeDriver(http(c, map, c.credentials().username(), c.credentials().password()));
            case SHELLY -> new ShellyPlugDriver(http(c, map, c.credentials().username(), c.credentials().password()));
            case TASMOTA -> new TasmotaPlugDriver(http(c, map, c.credentials().username(), c.credentials().password()));
            case NETGEAR -> new NetgearPoeDriver(http(c, map, c.credentials().username(), c.credentials().password()));
            case UNIFI -> new UnifiPoeDriver(http(c, map, c.credentials().username(), c.credentials().password()),
                    c.controller().orElseThrow().site(), c.controller().orElseThrow().mac(),
                    c.controller().orElseThrow().flavor().equals("classic")
                            ? UnifiPoeDriver.Flavor.CLASSIC : UnifiPoeDriver.Flavor.UNIFI_OS);
            case OMADA -> new OmadaPoeDriver(http(c, map, c.credentials().clientId(), c.credentials().clientSecret()),
                    c.controller().orElseThrow().site(), c.controller().orElseThrow().mac());
            case SIMULATED -> new InMemoryPoeDriver(map, Pause.REAL);
        };
    }

    /** The base URI of an HTTP device: the address as written, or {@code https://host[:port]}. */
    static URI baseUri(String address) {
        return address.contains("://") ? URI.create(address)
                : URI.create("https://" + SwitchAddress.parse(address, 443));
    }

    private static HttpDeviceConfig http(SwitchConfig c, PortMap map, Optional<String> user, Optional<Secret> secret) {
        return new HttpDeviceConfig(baseUri(c.address()), user.orElse("admin"), secret, map, c.transport().timeout(),
                c.transport().allowPlainHttp(), Optional.empty());
    }

    private static SnmpCredentials snmp(SwitchCredentials cred) {
        if (cred.v3().isPresent()) {
            SwitchCredentials.SnmpV3 v3 = cred.v3().get();
            return v3.privProtocol().isPresent()
                    ? SnmpCredentials.usm(v3.user(), v3.authProtocol(), v3.authPassword(), v3.privProtocol().get(),
                    v3.privPassword().orElseThrow())
                    : SnmpCredentials.usmWithoutPrivacy(v3.user(), v3.authProtocol(), v3.authPassword());
        }
        return SnmpCredentials.community(cred.community().orElseThrow());
    }
}
