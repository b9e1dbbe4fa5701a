package io.piha.platform.internal.model;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The applications of the seed's platform, recognised by image or chart name. */
public enum App {
    HOME_ASSISTANT("Home Assistant", true, "home-assistant", "homeassistant"),
    MATTER_SERVER("Matter server", true, "python-matter-server", "matter-server"),
    POSTGRESQL("PostgreSQL", true, "postgres", "postgresql", "postgresql-ha", "timescaledb", "timescaledb-ha",
            "cloudnative-pg"),
    INFLUXDB("InfluxDB", true, "influxdb", "influxdb2"),
    ZIGBEE2MQTT("Zigbee2MQTT", true, "zigbee2mqtt"),
    MQTT_BROKER("MQTT broker", true, "mosquitto", "eclipse-mosquitto", "emqx", "vernemq", "hivemq-ce", "nanomq"),
    LOKI("Loki", true, "loki"),
    GRAFANA("Grafana", true, "grafana"),
    PROMETHEUS("Prometheus", true, "prometheus", "kube-prometheus-stack");

    private final String title;
    private final boolean stateful;
    private final Set<String> names;

    App(String title, boolean stateful, String... names) {
        this.title = title;
        this.stateful = stateful;
        this.names = Set.of(names);
    }

    /** The name people use. */
    public String title() {
        return title;
    }

    /** Whether it keeps data that must survive a restart. */
    public boolean stateful() {
        return stateful;
    }

    /** The application of an image reference ({@code ghcr.io/home-assistant/home-assistant:2025.1}), if known. */
    public static Optional<App> ofImage(String image) {
        String repository = Images.repository(image);
        String last = repository.substring(repository.lastIndexOf('/') + 1);
        return byName(last);
    }

    /** The application of a chart name ({@code influxdb2}, {@code bitnami/postgresql}), if known. */
    public static Optional<App> ofChart(String chart) {
        String name = chart.substring(chart.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return byName(name);
    }

    private static Optional<App> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (App app : values()) {
            if (app.names.contains(n)) {
                return Optional.of(app);
            }
        }
        return Optional.empty();
    }
}
