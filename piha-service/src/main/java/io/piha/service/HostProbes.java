package io.piha.service;

import io.piha.http.probe.AnyUpProbe;
import io.piha.http.probe.HomeAssistantApiProbe;
import io.piha.http.probe.HttpStatusProbe;
import io.piha.http.probe.SupervisorPingProbe;
import io.piha.http.probe.TcpConnectProbe;
import io.piha.api.health.HealthProbe;
import io.piha.service.config.HostConfig;
import io.piha.http.probe.ProbeConfig;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;

/**
 * Builds the probes a host's configuration describes.
 *
 * @since 0.1
 */
public final class HostProbes {

    private HostProbes() {
    }

    /**
     * One probe for the host: its only probe, or an {@link AnyUpProbe} over all of them.
     *
     * @param host the host's configuration
     * @param client the HTTP client shared by all probes
     * @param clock the clock of the results
     */
    public static HealthProbe forHost(HostConfig host, HttpClient client, Clock clock) {
        List<HealthProbe> probes = host.probes().stream().map(p -> create(host.id().value(), p, client, clock))
                .toList();
        return probes.size() == 1 ? probes.get(0) : new AnyUpProbe(host.id().value(), probes);
    }

    /** The probe one {@link ProbeConfig} describes. */
    public static HealthProbe create(String host, ProbeConfig probe, HttpClient client, Clock clock) {
        if (probe instanceof ProbeConfig.Supervisor s) {
            return new SupervisorPingProbe(host + " supervisor", s.url(), s.timeout(), client, clock);
        }
        if (probe instanceof ProbeConfig.HomeAssistant h) {
            return new HomeAssistantApiProbe(host + " home assistant", h.url(), h.token(), h.timeout(), client, clock);
        }
        if (probe instanceof ProbeConfig.Http h) {
            return new HttpStatusProbe(host + " http", h.url(), h.lowestStatus(), h.highestStatus(), h.timeout(),
                    client, clock);
        }
        ProbeConfig.Tcp t = (ProbeConfig.Tcp) probe;
        return new TcpConnectProbe(host + " tcp", t.host(), t.port(), t.timeout(), clock);
    }
}
