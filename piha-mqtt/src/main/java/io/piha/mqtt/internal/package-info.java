/**
 * Implementation of piha-mqtt: the HiveMQ-client transports (MQTT 5 and 3.1.1), the connection with its
 * Last Wills, the JSON shapes, command signatures and the replay guard. Not an API: use the types of
 * {@code io.piha.mqtt}.
 */
package io.piha.mqtt.internal;
