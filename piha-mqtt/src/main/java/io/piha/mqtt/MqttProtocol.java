package io.piha.mqtt;

/**
 * Which MQTT version the bus speaks.
 *
 * @since 0.1
 */
public enum MqttProtocol {
    /** MQTT 5 (message expiry on heartbeats, reason codes). */
    MQTT_5,
    /** MQTT 3.1.1, for old brokers; heartbeats carry no broker-side expiry. */
    MQTT_3_1_1,
    /** MQTT 5, falling back to 3.1.1 when the broker refuses version 5. The default. */
    AUTO
}
