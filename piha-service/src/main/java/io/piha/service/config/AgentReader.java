package io.piha.service.config;

import io.piha.http.audit.AuditConfig;
import io.piha.api.Secret;
import io.piha.api.leadership.ContractTimings;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads an agent file. */
final class AgentReader {

    /** The default audit file of an agent. */
    static final Path DEFAULT_AUDIT_FILE = Path.of("/var/log/piha-agent/audit.jsonl");

    private enum ActuatorType { HOME_ASSISTANT_AUTOMATIONS, SHELL, NONE }

    private AgentReader() {
    }

    static AgentConfig read(ConfigNode root) {
        HostId host = HostsSection.hostId(root, "host");
        BrokerConfig broker = CommonSections.broker(root, host == null ? "piha-agent" : "piha-agent-" + host);
        List<AgentConfig.Service> services = services(root);
        root.moved("heartbeat_interval", "timings.heartbeat_interval");
        ContractTimings contract = root.object("timings").map(t -> {
            ContractTimings c = CommonSections.contract(t);
            t.rejectUnknownKeys();
            return c;
        }).orElse(ContractTimings.DEFAULTS);
        AgentConfig.Actuator actuator = root.object("actuator").map(AgentReader::actuator)
                .orElse(new AgentConfig.Actuator.None());
        AuditConfig audit = CommonSections.audit(root, DEFAULT_AUDIT_FILE);
        Optional<ConfigSyncSettings.Standby> sync = SyncSection.agent(root);
        StatusConfig gate = CommonSections.listener(root, "gate", AgentConfig.DEFAULT_GATE_PORT);
        root.rejectUnknownKeys();
        return root.problems().count() > 0 ? null
                : new AgentConfig(host, broker, services, contract, actuator, audit, sync, gate);
    }

    private static List<AgentConfig.Service> services(ConfigNode root) {
        List<AgentConfig.Service> services = new ArrayList<>();
        List<ConfigNode> items = root.list("services");
        if (items.isEmpty() && !root.problems().hasAt("services")) {
            root.problem("services", "needs at least one service, e.g. name: home-assistant", Optional.empty());
        }
        for (ConfigNode s : items) {
            ServiceName name = s.convert("name", ServiceName.HOME_ASSISTANT, ServiceName::of);
            boolean granted = s.flag("require_granted_epoch", true);
            s.rejectUnknownKeys();
            if (name != null) {
                services.add(new AgentConfig.Service(name, granted));
            }
        }
        return services;
    }

    private static AgentConfig.Actuator actuator(ConfigNode a) {
        int before = a.problems().count();
        ActuatorType type = a.choice("type", ActuatorType.class, null);
        if (type == null) {
            if (!a.problems().hasAt(a.path("type"))) {
                a.problem("type", "is required: home_assistant_automations, shell or none", Optional.empty());
            }
            return null;
        }
        AgentConfig.Actuator actuator = switch (type) {
            case HOME_ASSISTANT_AUTOMATIONS -> {
                URI url = a.url("url", CommonSections.HTTP);
                Secret token = a.requiredSecret("token");
                String entities = a.text("entities", "all");
                Duration timeout = a.duration("timeout", Duration.ofSeconds(10));
                yield a.problems().count() > before ? null
                        : new AgentConfig.Actuator.HomeAssistantAutomations(url, token, entities, timeout);
            }
            case SHELL -> {
                List<String> on = command(a, "on_activate");
                List<String> off = command(a, "on_deactivate");
                Duration timeout = a.duration("timeout", Duration.ofSeconds(60));
                yield a.problems().count() > before ? null : new AgentConfig.Actuator.Shell(on, off, timeout);
            }
            case NONE -> new AgentConfig.Actuator.None();
        };
        a.rejectUnknownKeys();
        return actuator;
    }

    private static List<String> command(ConfigNode a, String key) {
        List<String> command = a.stringList(key);
        if (command.isEmpty() && !a.problems().hasAt(a.path(key))) {
            a.problem(key, "needs a command as a list, e.g. [systemctl, start, home-assistant]", Optional.empty());
        }
        return command;
    }
}
