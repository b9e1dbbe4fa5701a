/**
 * piha-mqtt. See the module README.
 *
 * @since 0.1
 */
package io.piha.mqtt;
