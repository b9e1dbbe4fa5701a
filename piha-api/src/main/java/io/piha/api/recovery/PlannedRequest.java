package io.piha.api.recovery;

import java.util.Objects;

/**
 * One exact request a driver would send to a device, for dry runs and audits: for SNMP the operation,
 * OID and value; for HTTP the method, URL and body. Never contains a secret.
 *
 * @param protocol {@code snmp} or {@code http}
 * @param operation e.g. {@code SET} or {@code POST}
 * @param target the OID with its value's agent, or the URL
 * @param payload the value set or the request body; empty if none
 * @since 0.1
 */
public record PlannedRequest(String protocol, String operation, String target, String payload) {

    /** @throws NullPointerException if a component is null */
    public PlannedRequest {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(payload, "payload");
    }

    /** The request on one line, e.g. {@code snmp SET udp:10.0.0.2/161 1.3.6.1.2.1.105.1.1.1.3.1.4 = 2}. */
    @Override
    public String toString() {
        return protocol + " " + operation + " " + target + (payload.isEmpty() ? "" : " " + payload);
    }
}
