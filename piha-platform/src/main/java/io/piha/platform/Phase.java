package io.piha.platform;

/**
 * The seed's phases, in its order. Every rule belongs to one; reports group findings by phase. Phase 0 holds
 * what the audit itself could not read (bad YAML, templates it cannot render, missing references).
 *
 * @since 0.1
 */
public enum Phase {
    /** Phase 0: what the audit could not read or resolve. */
    ASSESSMENT(0, "Repository Assessment"),
    /** Phase 1: no data loss on restart or power failure. */
    STORAGE(1, "Storage & Data Safety"),
    /** Phase 2: a stable Home Assistant core. */
    HOME_ASSISTANT(2, "Home Assistant Hardening"),
    /** Phase 3: metrics retained for years. */
    METRICS(3, "Long-Term Metrics (InfluxDB)"),
    /** Phase 4: full system visibility. */
    OBSERVABILITY(4, "Logging & Observability"),
    /** Phase 5: hardware stability. */
    EDGE(5, "Zigbee, Matter & Edge Integrations"),
    /** Phase 6: recover from anything. */
    BACKUP(6, "Backups & Disaster Recovery");

    private final int number;
    private final String title;

    Phase(int number, String title) {
        this.number = number;
        this.title = title;
    }

    /** The seed's phase number, 0 to 6. */
    public int number() {
        return number;
    }

    /** The seed's title of the phase. */
    public String title() {
        return title;
    }

    /** {@code Phase 1 — Storage & Data Safety}. */
    public String heading() {
        return "Phase " + number + " \u2014 " + title;
    }
}
