package io.piha.cli.poe;

import io.piha.api.recovery.PlannedRequest;
import io.piha.api.recovery.PoeDriver;
import io.piha.api.recovery.PoeException;
import io.piha.api.recovery.PortAddress;
import io.piha.api.recovery.PortMap;
import io.piha.api.recovery.PowerAction;
import io.piha.api.Secret;
import io.piha.poe.rest.HttpDeviceConfig;
import io.piha.poe.rest.RouterOsPoeDriver;
import io.piha.poe.snmp.SnmpCredentials;
import io.piha.poe.snmp.SnmpPoeDriver;
import io.piha.poe.snmp.SnmpSwitchConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code piha poe plan}: prints the exact requests a power action would send (OID and value, or HTTP
 * method, URL and body), sending nothing. Needs no credentials: plans never contain secrets.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Print the exact requests a power action would send, without sending anything.")
final class PlanCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--snmp", description = "SNMP agent, e.g. udp:192.168.1.2/161") String snmp;
        @Option(names = "--routeros", description = "RouterOS base URI, e.g. https://192.168.88.1") URI routerOs;
    }

    @Option(names = "--switch", defaultValue = "switch", description = "Switch name (default: ${DEFAULT-VALUE}).")
    String switchName;

    @Option(names = "--port", required = true, paramLabel = "LABEL=ADDRESS",
            description = "The port: label=group.port for SNMP (haos=1.3), label=interface for RouterOS (haos=ether3).")
    Map<String, String> port;

    @Option(names = "--action", defaultValue = "CYCLE", description = "OFF, ON or CYCLE (default: ${DEFAULT-VALUE}).")
    PowerAction action;

    @Option(names = "--off-time", defaultValue = "5s", description = "Off time of a cycle (default: ${DEFAULT-VALUE}).")
    Duration offTime;

    // a plan sends nothing and shows no credentials; the drivers still want one to be built
    private static final SnmpCredentials PLAN_ONLY_COMMUNITY = SnmpCredentials.community(Secret.of("public"));

    @Override
    public Integer call() {
        if (port.size() != 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give exactly one --port, got " + port);
        }
        Map.Entry<String, String> only = port.entrySet().iterator().next();
        try (PoeDriver driver = driver(only.getKey(), only.getValue())) {
            for (PlannedRequest request : driver.plan(action, only.getKey(), offTime)) {
                spec.commandLine().getOut().println(request);
            }
            return 0;
        } catch (PoeException | IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
    }

    private PoeDriver driver(String label, String address) {
        if (target.snmp != null) {
            String[] parts = address.split("\\.");
            if (parts.length != 2) {
                throw new IllegalArgumentException("SNMP ports are group.port, e.g. 1.3; got '" + address + "'");
            }
            PortAddress at = PortAddress.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            PortMap map = new PortMap(switchName, Map.of(label, at), Set.of());
            return SnmpPoeDriver.open(SnmpSwitchConfig.of(target.snmp, PLAN_ONLY_COMMUNITY, map));
        }
        PortMap map = new PortMap(switchName, Map.of(label, PortAddress.named(address)), Set.of());
        return new RouterOsPoeDriver(new HttpDeviceConfig(target.routerOs, "admin", java.util.Optional.empty(), map,
                HttpDeviceConfig.DEFAULT_TIMEOUT, false, java.util.Optional.empty()));
    }
}
