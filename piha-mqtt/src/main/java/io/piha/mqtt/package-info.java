/**
 * The leadership contract over MQTT: {@link io.piha.mqtt.MqttLeadershipBus} (the
 * {@link io.piha.api.leadership.LeadershipBus} adapter), its immutable {@link io.piha.mqtt.MqttBusConfig},
 * the pure {@link io.piha.mqtt.LeadershipCodec} that reads and writes contract v1 and the SDK's additive
 * extensions, and {@link io.piha.mqtt.HomeAssistantDiscovery}. Everything under {@code internal} is
 * implementation and may change without notice.
 *
 * @since 0.1
 */
package io.piha.mqtt;
