package io.piha.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import io.piha.mqtt.internal.JsonFields;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Home Assistant MQTT discovery configs that show a service's leadership as entities: state, leader,
 * epoch, last heartbeat (a timestamp, which Home Assistant shows as an age), the sync freeze flag and,
 * when named, the control plane's availability. Pure: it returns the retained publications to make.
 *
 * @since 0.1
 */
public final class HomeAssistantDiscovery {

    private final LeadershipTopics topics;
    private final String discoveryPrefix;

    /** Discovery for the topics and discovery prefix of {@code config}. */
    public HomeAssistantDiscovery(MqttBusConfig config) {
        this.topics = config.topics();
        this.discoveryPrefix = config.discoveryPrefix();
    }

    /**
     * The discovery configs of one service.
     *
     * @param service the service whose leadership to show
     * @param controlPlane the control plane's host id, whose availability topic becomes a connectivity sensor
     */
    public List<WireMessage> configs(ServiceName service, Optional<HostId> controlPlane) {
        List<WireMessage> out = new ArrayList<>();
        out.add(sensor(service, "state", "Leadership state", topics.state(service),
                "{{ value if value | trim else 'none' }}", null));
        out.add(sensor(service, "leader", "Leader", topics.heartbeat(service), "{{ value_json.host_id }}", null));
        out.add(sensor(service, "epoch", "Epoch", topics.lease(service), "{{ value_json.epoch }}", null));
        out.add(sensor(service, "last_heartbeat", "Last heartbeat", topics.heartbeat(service),
                "{{ value_json.ts }}", "timestamp"));
        ObjectNode freeze = base(service, "freeze", "Sync freeze", topics.syncFreeze(service));
        freeze.put("value_template",
                "{{ 'OFF' if value | trim | lower in ['', 'false', 'off', '0', 'thawed'] else 'ON' }}");
        out.add(config("binary_sensor", service, "freeze", freeze));
        controlPlane.ifPresent(cp -> {
            ObjectNode o = base(service, "control_plane", "Control plane", topics.availability(service, cp));
            o.put("device_class", "connectivity");
            o.put("payload_on", "online");
            o.put("payload_off", "offline");
            out.add(config("binary_sensor", service, "control_plane", o));
        });
        return List.copyOf(out);
    }

    private WireMessage sensor(ServiceName service, String object, String name, String stateTopic,
                               String template, String deviceClass) {
        ObjectNode o = base(service, object, name, stateTopic);
        o.put("value_template", template);
        if (deviceClass != null) {
            o.put("device_class", deviceClass);
        }
        return config("sensor", service, object, o);
    }

    private static ObjectNode base(ServiceName service, String object, String name, String stateTopic) {
        ObjectNode o = JsonFields.MAPPER.createObjectNode();
        o.put("name", name);
        o.put("unique_id", nodeId(service) + "_" + object);
        o.put("object_id", nodeId(service) + "_" + object);
        o.put("state_topic", stateTopic);
        ObjectNode device = o.putObject("device");
        device.putArray("identifiers").add(nodeId(service));
        device.put("name", "PiHA " + service.value());
        device.put("manufacturer", "PiHA");
        return o;
    }

    private WireMessage config(String component, ServiceName service, String object, ObjectNode o) {
        String topic = discoveryPrefix + "/" + component + "/" + nodeId(service) + "/" + object + "/config";
        try {
            return new WireMessage(topic, JsonFields.MAPPER.writeValueAsString(o).getBytes(StandardCharsets.UTF_8),
                    true, Optional.empty());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a discovery config could not be written", e);
        }
    }

    private static String nodeId(ServiceName service) {
        return "piha_" + service.value().replace('-', '_');
    }
}
