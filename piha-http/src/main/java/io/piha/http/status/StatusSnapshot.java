package io.piha.http.status;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the status page shows, as seen at one instant. Immutable; the runtime builds a new one for
 * each request (or caches the last) and hands it over through a {@code Supplier<StatusSnapshot>}.
 *
 * @param generatedAt when it was taken; ages are measured from here
 * @param site the name of the estate shown in the title, e.g. {@code home}
 * @param services one entry per arbitrated service
 * @param hosts one entry per probed host
 * @param recentEvents newest first
 * @param configSync the config-sync status in words, if sync is configured
 * @since 0.1
 */
public record StatusSnapshot(Instant generatedAt, String site, List<ServiceStatus> services, List<HostStatus> hosts,
                             List<RecentEvent> recentEvents, Optional<String> configSync) {

    /** @throws NullPointerException if a component is null */
    public StatusSnapshot {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(site, "site");
        services = List.copyOf(services);
        hosts = List.copyOf(hosts);
        recentEvents = List.copyOf(recentEvents);
        Objects.requireNonNull(configSync, "configSync");
    }

    /** The actions the control plane will take next, soonest first. */
    public List<ServiceStatus> withQueuedActions() {
        return services.stream().filter(s -> s.nextAction().isPresent())
                .sorted(Comparator.comparing(s -> s.nextAction().orElseThrow().at()))
                .toList();
    }
}
