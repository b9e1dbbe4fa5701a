package io.piha.api.alert;

/**
 * How urgent an alert is.
 *
 * @since 0.1
 */
public enum Severity {
    /** For the record: a drill ran, leadership changed as planned. */
    INFO,
    /** Someone should look soon: a heartbeat missed, a probe failed. */
    WARNING,
    /** Someone must act: promotion blocked, a port left off, both hosts down. */
    CRITICAL
}
