package io.piha.http.status;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the status page shows, as seen at one instant. Immutable; the runtime builds a new one for
 * each request and hands it over through a {@code Supplier<StatusSnapshot>}.
 *
 * @param generatedAt when it was taken; ages are measured from here
 * @param site the name of the estate shown in the title, e.g. {@code home}
 * @param services one entry per arbitrated service
 * @param hosts one entry per host of each service
 * @param switches the PoE switches behind the safety layer
 * @param recentEvents newest first (decisions and alerts; routine inputs are in {@code routine})
 * @param routine routine inputs counted, not listed
 * @param configSync the config-sync status in words, if sync is configured
 * @param counters the control plane's counters since it started
 * @since 0.1
 */
public record StatusSnapshot(Instant generatedAt, String site, List<ServiceStatus> services, List<HostStatus> hosts,
                             List<SwitchStatus> switches, List<RecentEvent> recentEvents, List<RoutineSummary> routine,
                             Optional<String> configSync, List<Counter> counters) {

    /** @throws NullPointerException if a component is null */
    public StatusSnapshot {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(site, "site");
        services = List.copyOf(services);
        hosts = List.copyOf(hosts);
        switches = List.copyOf(switches);
        recentEvents = List.copyOf(recentEvents);
        routine = List.copyOf(routine);
        Objects.requireNonNull(configSync, "configSync");
        counters = List.copyOf(counters);
    }

    /** A snapshot without switches, routine summaries or counters. */
    public StatusSnapshot(Instant generatedAt, String site, List<ServiceStatus> services, List<HostStatus> hosts,
                          List<RecentEvent> recentEvents, Optional<String> configSync) {
        this(generatedAt, site, services, hosts, List.of(), recentEvents, List.of(), configSync, List.of());
    }

    /** The actions the control plane will take next, soonest first. */
    public List<ServiceStatus> withQueuedActions() {
        return services.stream().filter(s -> s.nextAction().isPresent())
                .sorted(Comparator.comparing(s -> s.nextAction().orElseThrow().at()))
                .toList();
    }

    /** The recent events the filter lets through, newest first, at most {@code limit}. */
    public List<RecentEvent> events(EventFilter filter, int limit) {
        return recentEvents.stream().filter(filter::matches).limit(limit).toList();
    }
}
