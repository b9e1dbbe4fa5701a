package io.piha.service.config;

import io.piha.http.audit.AuditConfig;
import io.piha.api.Secret;
import io.piha.api.leadership.ContractTimings;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of an agent beside one Home Assistant host: one file, validated as a whole by
 * {@link ConfigLoader#loadAgent}.
 *
 * @param host this host's id, as in its heartbeats
 * @param broker the MQTT broker
 * @param services the services this host takes part in
 * @param contract heartbeat interval (30 s), heartbeat timeout (90 s) and clock-skew bound (30 s): the same
 *     {@code timings} as the control plane's, handed as one value to the MQTT codec and the agent
 * @param actuator how the host starts and stops serving
 * @param audit the agent's audit log
 * @param sync the standby checkout of config sync, if configured
 * @param gate where the HTTP gate listens ({@code GET /gate}: 200 only while this host leads at the current epoch with
 *     a valid lease); on {@code 127.0.0.1:8471} by default
 * @since 0.1
 */
public record AgentConfig(HostId host, BrokerConfig broker, List<Service> services, ContractTimings contract,
                          Actuator actuator, AuditConfig audit, Optional<ConfigSyncSettings.Standby> sync,
                          StatusConfig gate) {

    /** The default port of the agent's HTTP gate. */
    public static final int DEFAULT_GATE_PORT = 8471;

    /** @throws NullPointerException if a component is null */
    public AgentConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(broker, "broker");
        services = List.copyOf(services);
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(actuator, "actuator");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(gate, "gate");
    }

    /**
     * A service this agent takes part in.
     *
     * @param name the service
     * @param requireGrantedEpoch whether promotes must carry an epoch granted by the arbiter (default true)
     */
    public record Service(ServiceName name, boolean requireGrantedEpoch) {
        /** @throws NullPointerException if the name is null */
        public Service {
            Objects.requireNonNull(name, "name");
        }
    }

    /** How the host is switched between serving and observing; {@code type} in the file picks the kind. */
    public sealed interface Actuator {

        /**
         * {@code type: home_assistant_automations}: turn automations on or off over the REST API.
         *
         * @param url the instance, e.g. {@code http://127.0.0.1:8123}
         * @param token a long-lived access token
         * @param entities which automations (default {@code all})
         * @param timeout per request (default 10 s)
         */
        record HomeAssistantAutomations(URI url, Secret token, String entities, Duration timeout) implements Actuator {
            /** @throws NullPointerException if a component is null */
            public HomeAssistantAutomations {
                Objects.requireNonNull(url, "url");
                Objects.requireNonNull(token, "token");
                Objects.requireNonNull(entities, "entities");
                Objects.requireNonNull(timeout, "timeout");
            }
        }

        /**
         * {@code type: shell}: run a command to activate and one to deactivate.
         *
         * @param onActivate the command and its arguments when becoming leader
         * @param onDeactivate the command and its arguments when stepping down
         * @param timeout how long a command may run (default 60 s)
         */
        record Shell(List<String> onActivate, List<String> onDeactivate, Duration timeout) implements Actuator {
            /** @throws NullPointerException if a component is null */
            public Shell {
                onActivate = List.copyOf(onActivate);
                onDeactivate = List.copyOf(onDeactivate);
                Objects.requireNonNull(timeout, "timeout");
            }
        }

        /** {@code type: none}: the host's own automations follow the retained state (v1 houses). */
        record None() implements Actuator {
        }
    }
}
