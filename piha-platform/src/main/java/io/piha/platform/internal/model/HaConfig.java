package io.piha.platform.internal.model;

import io.piha.platform.Location;
import io.piha.platform.internal.yaml.YamlMap;
import io.piha.platform.internal.yaml.YamlNode;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Home Assistant configuration found in the repository (a {@code configuration.yaml}, a ConfigMap key or a
 * values block), with {@code !include} and {@code !secret} resolved inside the repository where possible.
 *
 * @param root the configuration
 * @param source what it was found in, for messages
 */
public record HaConfig(YamlMap root, String source) {

    private static final Set<String> MARKERS = Set.of("default_config", "recorder", "automation", "script",
            "scene", "history", "logbook", "http", "lovelace");
    private static final Set<String> CORE_KEYS = Set.of("name", "latitude", "longitude", "unit_system",
            "time_zone", "packages", "customize", "auth_providers", "external_url", "internal_url");

    private static final Pattern ROOT_KEY = Pattern.compile(
            "(?m)^(default_config|recorder|automation|script|scene|history|logbook|http|lovelace|homeassistant)\\s*:");

    /** A cheap test before parsing a text: a top-level key that {@link #looksLikeHomeAssistant} needs. */
    public static boolean mayBeHomeAssistant(String text) {
        return ROOT_KEY.matcher(text).find();
    }

    /** Whether a mapping looks like a Home Assistant configuration (not, say, Zigbee2MQTT's). */
    public static boolean looksLikeHomeAssistant(YamlMap map) {
        if (map.entries().containsKey("serial")) {
            return false;
        }
        if (map.entries().keySet().stream().anyMatch(MARKERS::contains)) {
            return true;
        }
        return map.map("homeassistant").filter(h -> h.entries().keySet().stream().anyMatch(CORE_KEYS::contains))
                .isPresent();
    }

    /** The {@code recorder:} value, if any. */
    public Optional<YamlNode> recorder() {
        return root.get("recorder");
    }

    /** Where the configuration starts. */
    public Location location() {
        return root.location();
    }
}
