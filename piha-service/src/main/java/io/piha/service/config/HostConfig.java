package io.piha.service.config;

import io.piha.http.probe.ProbeConfig;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ParticipantKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One host the control plane watches.
 *
 * @param id the host id, as in its heartbeat's {@code host_id}
 * @param probes how its health is checked, in order
 * @param poe where it draws power from, if on a PoE switch
 * @param participant how it takes part in leadership ({@code v1}: the automations of contract v1, {@code package}: the
 *     PiHA Home Assistant package, {@code agent}: the Java agent); empty: detected from what it publishes, which
 *     only ever moves up (a host that ever showed an epoch is never again taken for a v1 host)
 * @param supervisor its Supervisor API, for HAOS backups ({@code piha haos backup}), if it runs HAOS
 * @param reinstall its scripted reinstall ({@code piha reinstall}), if configured
 * @since 0.1
 */
public record HostConfig(HostId id, List<ProbeConfig> probes, Optional<PoePort> poe, Optional<ParticipantKind> participant,
                         Optional<RecoveryConfig.Supervisor> supervisor, Optional<RecoveryConfig.Reinstall> reinstall) {

    /** @throws NullPointerException if a component is null */
    public HostConfig {
        Objects.requireNonNull(id, "id");
        probes = List.copyOf(probes);
        Objects.requireNonNull(poe, "poe");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(supervisor, "supervisor");
        Objects.requireNonNull(reinstall, "reinstall");
    }

    /** A host without backups or reinstall. */
    public HostConfig(HostId id, List<ProbeConfig> probes, Optional<PoePort> poe, Optional<ParticipantKind> participant) {
        this(id, probes, poe, participant, Optional.empty(), Optional.empty());
    }

    /** A host whose participation is detected. */
    public HostConfig(HostId id, List<ProbeConfig> probes, Optional<PoePort> poe) {
        this(id, probes, poe, Optional.empty());
    }

    /**
     * The switch port that powers a host.
     *
     * @param switchName the switch, as named under {@code switches}
     * @param port the label in that switch's port map
     */
    public record PoePort(String switchName, String port) {
        /** @throws NullPointerException if a component is null */
        public PoePort {
            Objects.requireNonNull(switchName, "switchName");
            Objects.requireNonNull(port, "port");
        }
    }
}
