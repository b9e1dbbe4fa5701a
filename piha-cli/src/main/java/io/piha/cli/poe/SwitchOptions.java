package io.piha.cli.poe;

import io.piha.service.config.ConfigLoader;
import io.piha.service.config.ControlPlaneConfig;
import io.piha.service.config.SwitchConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Which switch a command acts on: one from a control-plane file ({@code --config}), or one described by flags
 * that are the file's keys ({@code --type}, {@code --address}, {@code --port}...), read by the same loader with
 * the same syntax and messages. Secret flags may hold {@code ${VAR}} to read an environment variable instead of
 * putting the secret on the command line.
 */
public final class SwitchOptions {

    @Option(names = {"-c", "--config"}, description = "A control-plane YAML file naming the switch under switches.")
    Path config;

    @Option(names = "--type", description = "Switch type, as in the file: snmp, routeros, unifi, omada, netgear, "
            + "shelly, tasmota or simulated (instead of --config).")
    String type;

    @Option(names = "--address", description = "host[:port] (SNMP port 161 by default) or an http(s) URL.")
    String address;

    @Option(names = "--port", paramLabel = "LABEL=PORT", description = "A port map entry as in the file: "
            + "haos=1.3 (SNMP), haos=ether3 (RouterOS), haos=3 (UniFi, Omada, Netgear); repeatable.")
    Map<String, String> ports = new LinkedHashMap<>();

    @Option(names = "--protected", paramLabel = "LABEL", description = "A label that is never switched; repeatable.")
    List<String> protectedPorts = new ArrayList<>();

    @Option(names = "--community", description = "SNMPv2c community; write ${VAR} to read it from the environment.")
    String community;

    @Option(names = "--v3-user", description = "SNMPv3 user.")
    String v3User;

    @Option(names = "--auth-protocol", description = "SNMPv3 authentication: md5, sha, sha224, sha256 (default), "
            + "sha384, sha512.")
    String authProtocol;

    @Option(names = "--auth-password", description = "SNMPv3 authentication password; ${VAR} reads the environment.")
    String authPassword;

    @Option(names = "--priv-protocol", description = "SNMPv3 privacy: des, 3des, aes128 (default), aes192, aes256, "
            + "aes192c, aes256c, or none.")
    String privProtocol;

    @Option(names = "--priv-password", description = "SNMPv3 privacy password; ${VAR} reads the environment.")
    String privPassword;

    @Option(names = "--username", description = "Login of an HTTP device.")
    String username;

    @Option(names = "--password", description = "Password of an HTTP device; ${VAR} reads the environment.")
    String password;

    @Option(names = "--mac", description = "The switch's MAC address (unifi, omada).")
    String mac;

    @Option(names = "--site", description = "The controller site (unifi, omada).")
    String site;

    @Option(names = "--timeout", description = "How long to wait for the switch, e.g. 2s.")
    String timeout;

    /**
     * The switch: by name from {@code --config}, or {@code name} described by the flags.
     *
     * @throws IllegalArgumentException (one line) if neither or both are given, or the name is unknown
     * @throws io.piha.service.config.ConfigException listing what is wrong with the file or the flags
     */
    public SwitchConfig resolve(String name) {
        ConfigLoader loader = ConfigLoader.fromSystemEnvironment();
        if (config != null && type != null) {
            throw new IllegalArgumentException("give either --config or --type with the switch's flags, not both");
        }
        if (config != null) {
            ControlPlaneConfig cp = loader.loadControlPlane(config);
            return cp.switchNamed(name).orElseThrow(() -> new IllegalArgumentException("no switch '" + name + "' in "
                    + config + " (it has " + cp.switches().stream().map(SwitchConfig::name).toList() + ")"));
        }
        if (type == null) {
            throw new IllegalArgumentException("say which switch: --config FILE, or --type and its flags "
                    + "(--address, --port, credentials)");
        }
        return loader.parseSwitch("the command-line flags", keys(name));
    }

    /** Whether the switch is described by flags ({@code --type} given). */
    public boolean fromFlags() {
        return type != null;
    }

    /**
     * The control-plane file.
     *
     * @throws IllegalArgumentException (one line) if none was given
     */
    public Path config() {
        if (config == null) {
            throw new IllegalArgumentException("give the control plane's file (--config FILE), or the switch's flags "
                    + "(--type, --address, --port, credentials)");
        }
        return config;
    }

    private Map<String, Object> keys(String name) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("name", name);
        keys.put("type", type);
        put(keys, "address", address);
        keys.put("ports", ports);
        if (!protectedPorts.isEmpty()) {
            keys.put("protected", protectedPorts);
        }
        put(keys, "mac", mac);
        put(keys, "site", site);
        put(keys, "timeout", timeout);
        Map<String, Object> credentials = new LinkedHashMap<>();
        put(credentials, "community", community);
        put(credentials, "username", username);
        put(credentials, "password", password);
        if (v3User != null) {
            Map<String, Object> v3 = new LinkedHashMap<>();
            put(v3, "user", v3User);
            put(v3, "auth_protocol", authProtocol);
            put(v3, "auth_password", authPassword);
            put(v3, "priv_protocol", privProtocol);
            put(v3, "priv_password", privPassword);
            credentials.put("v3", v3);
        }
        if (!credentials.isEmpty()) {
            keys.put("credentials", credentials);
        }
        return keys;
    }

    private static void put(Map<String, Object> keys, String key, String value) {
        if (value != null) {
            keys.put(key, value);
        }
    }
}
