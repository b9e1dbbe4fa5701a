package io.piha.http.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.piha.api.alert.Alert;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Alerts as JSON objects, in the snake-case field style of the MQTT events. */
final class AlertJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertJson() {
    }

    static ObjectNode toJson(Alert alert) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("ts", alert.timestamp().toString())
                .put("code", alert.code())
                .put("severity", alert.severity().name().toLowerCase(Locale.ROOT))
                .put("subject", alert.subject())
                .put("message", alert.message());
        ObjectNode details = json.putObject("details");
        alert.details().forEach(details::put);
        return json;
    }

    static String write(ObjectNode json) {
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
