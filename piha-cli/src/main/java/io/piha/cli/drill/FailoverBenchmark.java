package io.piha.cli.drill;

import static io.piha.cli.drill.DrillHome.PRIMARY;
import static io.piha.cli.drill.DrillHome.STANDBY;

import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.LeaderState;
import io.piha.api.leadership.LeadershipListener;
import io.piha.api.leadership.LeadershipMessage;
import io.piha.core.arbiter.Phase;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Failover overhead over real I/O: the drill's home (broker, SNMP switch, HTTP endpoints, control plane, agent)
 * fails over again and again. For each failover, overhead = (the standby's {@code leader} state on the bus
 * minus the primary's last heartbeat) minus the configured heartbeat timeout, power-cycle off time and
 * recovery wait: what probes, SNMP, read-back, fencing, MQTT and the REST actuator add to the contract's
 * waits. The nominal (configured) time is printed beside the measured one.
 *
 * <p>A second part runs the home with heartbeats every second ({@link DrillHome.Pace#ONE_SECOND}) and measures a
 * fenced failover end to end: from the primary hanging to the standby <em>acting</em> (its automations switched on,
 * which needs the grant after the fence and the first renewal of its lease).
 */
public final class FailoverBenchmark {

    private final PrintWriter out;
    private final AtomicReference<Instant> standbyLeaderAt = new AtomicReference<>();

    private FailoverBenchmark(PrintWriter out) {
        this.out = out;
    }

    /** Runs {@code iterations} failovers after {@code warmup} unmeasured ones; prints the figures. */
    public static void run(PrintWriter out, int warmup, int iterations) {
        new FailoverBenchmark(out).measure(warmup, iterations);
    }

    /** Runs {@code iterations} fenced failovers with 1 s heartbeats after one unmeasured; prints the figures. */
    public static void runFenced(PrintWriter out, int iterations) {
        new FailoverBenchmark(out).measureFenced(iterations);
    }

    private static DrillHome home(DrillHome.Pace pace) {
        DrillTimeline quiet = new DrillTimeline(new PrintWriter(Writer.nullWriter()));
        return new DrillHome(quiet, Optional.empty(), Duration.ofMillis(1), pace);
    }

    private void measureFenced(int iterations) {
        DrillHome.Pace pace = DrillHome.Pace.ONE_SECOND;
        try (DrillHome home = home(pace)) {
            home.controlPlane.start();
            home.standbyAgent.start();
            home.primary.leadAsV1();
            require(waitFor(() -> home.controlPlane.state().leader().isPresent()), "the primary is never recognised");
            List<Long> totals = new ArrayList<>();
            for (int i = 0; i < 1 + iterations; i++) {
                require(waitFor(() -> !home.standby.automationsOn()), "the standby's automations never went off");
                pause(pace.heartbeat());
                home.primary.diesForGood();
                long hung = System.nanoTime();
                home.primary.hang();
                require(waitFor(home.standby::automationsOn), "the standby never acted");
                long took = (System.nanoTime() - hung) / 1_000_000;
                require(!home.poeSwitch.isAdminEnabled(io.piha.api.recovery.PortAddress.of(1, 1)),
                        "the primary's port is not off: the failover was not fenced");
                if (i > 0) {
                    totals.add(took);
                }
                returnToPrimary(home, i);
            }
            Collections.sort(totals);
            Duration nominal = pace.timeout().plus(DrillHome.OFF_TIME).plus(pace.recoveryWait());
            out.printf("fenced failovers measured: %d (after 1 for warm-up); heartbeat %d ms, timeout %d ms, off time %d ms,"
                    + " recovery wait %d ms: nominal %d ms, less up to one heartbeat (the timeout runs from the last one before the"
                    + " hang)%n", totals.size(),
                    pace.heartbeat().toMillis(), pace.timeout().toMillis(), DrillHome.OFF_TIME.toMillis(),
                    pace.recoveryWait().toMillis(), nominal.toMillis());
            out.printf("primary hangs -> standby acting (fenced, leased): p50 %d ms, p99 %d ms, max %d ms (target < 5000 ms)%n",
                    pct(totals, 50), pct(totals, 99), totals.get(totals.size() - 1));
            out.flush();
        }
    }

    private void measure(int warmup, int iterations) {
        try (DrillHome home = home(DrillHome.Pace.DRILL)) {
            home.observe((LeadershipListener) m -> {
                if (m instanceof LeadershipMessage.StateChanged s && s.state().orElse(null) == LeaderState.LEADER
                        && home.standbyAgent.state().isCurrentLeader()) {
                    standbyLeaderAt.compareAndSet(null, Instant.now());
                }
            });
            home.controlPlane.start();
            home.standbyAgent.start();
            home.primary.leadAsV1();
            require(waitFor(() -> home.controlPlane.state().leader().isPresent()), "the primary is never recognised");
            Duration nominal = home.policy.heartbeatTimeout().plus(DrillHome.OFF_TIME).plus(home.policy.recoveryWait());
            List<Long> overheads = new ArrayList<>();
            List<Long> totals = new ArrayList<>();
            for (int i = 0; i < warmup + iterations; i++) {
                Duration took = failOver(home);
                if (i >= warmup) {
                    totals.add(took.toMillis());
                    overheads.add(took.minus(nominal).toMillis());
                }
                returnToPrimary(home, i);
            }
            report(nominal, totals, overheads);
        }
    }

    private Duration failOver(DrillHome home) {
        standbyLeaderAt.set(null);
        pause(Duration.ofMillis(400));
        home.primary.diesForGood();
        home.primary.hang();
        Instant lastHeartbeat = home.primary.lastHeartbeat().orElseThrow();
        require(waitFor(() -> standbyLeaderAt.get() != null), "the standby never became leader");
        return Duration.between(lastHeartbeat, standbyLeaderAt.get());
    }

    private void returnToPrimary(DrillHome home, int i) {
        home.primary.repaired();
        home.powerOn(PRIMARY, "benchmark");
        pause(Duration.ofMillis(300));
        home.operator(Command.envelope(CommandVerb.DEMOTE, "bench-" + i).target(STANDBY).actor("benchmark").build());
        require(waitFor(() -> home.primary.isLeading() && home.controlPlane.state().phase() instanceof Phase.Watching),
                "the primary never led again");
    }

    private void report(Duration nominal, List<Long> totals, List<Long> overheads) {
        Collections.sort(totals);
        Collections.sort(overheads);
        out.printf("failovers measured: %d (after warm-up)%n", totals.size());
        out.printf("nominal (timeout %d ms + off time %d ms + recovery wait %d ms): %d ms%n",
                DrillHome.Pace.DRILL.timeout().toMillis(), DrillHome.OFF_TIME.toMillis(),
                DrillHome.Pace.DRILL.recoveryWait().toMillis(), nominal.toMillis());
        out.printf("last heartbeat -> standby 'leader' on the bus: p50 %d ms, p99 %d ms, max %d ms%n",
                pct(totals, 50), pct(totals, 99), totals.get(totals.size() - 1));
        out.printf("overhead beyond the nominal:                   p50 %d ms, p99 %d ms, max %d ms%n",
                pct(overheads, 50), pct(overheads, 99), overheads.get(overheads.size() - 1));
        out.flush();
    }

    static long pct(List<Long> sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("benchmark failed: " + what);
        }
    }

    private static boolean waitFor(BooleanSupplier c) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (c.getAsBoolean()) {
                return true;
            }
            pause(Duration.ofMillis(1));
        }
        return false;
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
