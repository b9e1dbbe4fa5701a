package io.piha.http.probe;

import io.piha.api.health.HealthProbe;
import io.piha.api.health.ProbeResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A host probed several ways counts as up as soon as one probe finds it up: the conservative answer for a
 * control plane that must be sure before it declares a host dead. Probes run in order and stop at the
 * first up. Otherwise the result is down if any probe got an answer, unreachable if none did, with every
 * probe's reason. Thread-safe if its probes are.
 *
 * @since 0.1
 */
public final class AnyUpProbe implements HealthProbe {

    private final String description;
    private final List<HealthProbe> probes;

    /**
     * @param description what is probed, e.g. {@code haos-primary}
     * @param probes the probes, cheapest or most telling first
     * @throws IllegalArgumentException if there are none
     */
    public AnyUpProbe(String description, List<HealthProbe> probes) {
        this.description = description;
        this.probes = List.copyOf(probes);
        if (this.probes.isEmpty()) {
            throw new IllegalArgumentException("host " + description + " needs at least one probe");
        }
    }

    @Override
    public String describe() {
        return description + " (any of: " + probes.stream().map(HealthProbe::describe)
                .collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public ProbeResult probe() {
        List<ProbeResult> results = new ArrayList<>(probes.size());
        Duration spent = Duration.ZERO;
        for (HealthProbe probe : probes) {
            ProbeResult result = probe.probe();
            spent = spent.plus(result.latency());
            if (result instanceof ProbeResult.Up up) {
                return new ProbeResult.Up(up.at(), spent, up.detail());
            }
            results.add(result);
        }
        ProbeResult last = results.get(results.size() - 1);
        String reasons = results.stream().map(AnyUpProbe::reason).collect(Collectors.joining("; "));
        boolean answered = results.stream().anyMatch(r -> r instanceof ProbeResult.Down);
        return answered ? new ProbeResult.Down(last.at(), spent, reasons)
                : new ProbeResult.Unreachable(last.at(), spent, reasons);
    }

    private static String reason(ProbeResult result) {
        if (result instanceof ProbeResult.Down down) {
            return down.reason();
        }
        return result instanceof ProbeResult.Unreachable u ? u.reason() : ((ProbeResult.Up) result).detail();
    }
}
