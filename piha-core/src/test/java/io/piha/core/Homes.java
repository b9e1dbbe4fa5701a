package io.piha.core;

import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import io.piha.core.arbiter.ArbiterPolicy;
import io.piha.core.arbiter.Topology;
import io.piha.core.simulation.Estate;
import io.piha.core.simulation.EstateSettings;
import java.time.Duration;
import java.time.Instant;

/** The home every test of this module lives in: a HAOS primary, a Docker standby, a NAS. */
public final class Homes {

    public static final HostId PRIMARY = HostId.of("haos-primary");
    public static final HostId STANDBY = HostId.of("ha-standby");
    public static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    public static final ServiceName SERVICE = ServiceName.HOME_ASSISTANT;

    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();

    private Homes() {
    }

    public static ArbiterPolicy policy() {
        return ArbiterPolicy.ofDefaults(SERVICE, new Topology(PRIMARY, STANDBY));
    }

    /** A home whose primary was promoted by the operator at start-up and has settled for a minute. */
    public static Estate runningHome(ArbiterPolicy policy, EstateSettings settings, Recorder recorder) {
        Estate estate = new Estate(policy, settings, T0).observe(recorder);
        estate.operator(command(CommandVerb.PROMOTE, PRIMARY));
        estate.advance(Duration.ofMinutes(1));
        return estate;
    }

    public static Estate runningHome(Recorder recorder) {
        return runningHome(policy(), EstateSettings.ofDefaults(), recorder);
    }

    /** An operator's command as {@code piha promote --target HOST} sends it: addressed, no epoch. */
    public static Command command(CommandVerb verb, HostId target) {
        return Command.envelope(verb, "op-" + verb.wire() + "-" + target + "-" + IDS.incrementAndGet()).target(target)
                .actor("operator").build();
    }
}
