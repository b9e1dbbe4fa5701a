/** The agent's leadership gate over HTTP ({@code GET /gate}), for applications that cannot speak MQTT. */
package io.piha.http.gate;
