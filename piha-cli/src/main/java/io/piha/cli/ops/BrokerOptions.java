package io.piha.cli.ops;

import io.piha.api.leadership.ServiceName;
import io.piha.cli.OptionChecks;
import io.piha.mqtt.MqttBusConfig;
import io.piha.api.Secret;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** How the operator commands reach the broker. Secrets come from environment variables, never arguments. */
public final class BrokerOptions {

    @Option(names = "--broker", defaultValue = "${env:PIHA_MQTT_BROKER:-localhost:1883}",
            description = "Broker as host[:port] (default: $PIHA_MQTT_BROKER or ${DEFAULT-VALUE}).")
    String broker;

    @Option(names = "--username", defaultValue = "${env:PIHA_MQTT_USERNAME}",
            description = "MQTT user name (default: $PIHA_MQTT_USERNAME); the password comes from --password-env.")
    String username;

    @Option(names = "--password-env", defaultValue = "PIHA_MQTT_PASSWORD",
            description = "Environment variable holding the MQTT password (default: ${DEFAULT-VALUE}).")
    String passwordEnv;

    @Option(names = "--tls", description = "Connect with TLS.")
    boolean tls;

    @Option(names = "--ca", description = "PEM file of the CA that signed the broker's certificate.")
    Path ca;

    @Option(names = "--signing-key-env", description = "Environment variable holding the HMAC key commands are signed with (default: unsigned).")
    String signingKeyEnv;

    @Option(names = {"-s", "--service"}, defaultValue = "home-assistant",
            description = "Service whose leadership is concerned (default: ${DEFAULT-VALUE}).")
    String service;

    ServiceName service() {
        return ServiceName.of(service);
    }

    MqttBusConfig config(String clientIdPrefix, Map<String, String> env) {
        int colon = broker.lastIndexOf(':');
        String host = colon > 0 ? broker.substring(0, colon) : broker;
        int port;
        try {
            port = colon > 0 ? Integer.parseInt(broker.substring(colon + 1)) : (tls ? 8883 : 1883);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--broker: invalid port in '" + broker + "' (expected host[:port])");
        }
        if (host.isBlank() || port < 1 || port > OptionChecks.MAX_PORT) {
            throw new IllegalArgumentException("--broker: '" + broker + "' is not host[:port] with a port from 1 to "
                    + OptionChecks.MAX_PORT);
        }
        MqttBusConfig.Builder b = MqttBusConfig.custom().broker(host, port).services(service())
                .clientId(clientIdPrefix + "-" + ProcessHandle.current().pid());
        if (username != null && !username.isBlank()) {
            String password = env.get(passwordEnv);
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("--username " + username + " needs a password: environment variable "
                        + passwordEnv + " is not set");
            }
            b.credentials(username, Secret.of(password));
        }
        if (tls) {
            if (ca != null) {
                b.tls(ca);
            } else {
                b.tls();
            }
        }
        if (signingKeyEnv != null) {
            String key = env.get(signingKeyEnv);
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("--signing-key-env: environment variable " + signingKeyEnv + " is not set");
            }
            b.signCommands(Secret.of(key));
        }
        return b.build();
    }
}
