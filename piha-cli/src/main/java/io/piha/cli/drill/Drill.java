package io.piha.cli.drill;

import static io.piha.cli.drill.DrillHome.PRIMARY;
import static io.piha.cli.drill.DrillHome.STANDBY;

import io.piha.api.Durations;
import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.HostId;
import io.piha.cli.ExitCode;
import io.piha.core.arbiter.Phase;
import io.piha.core.node.NodeRole;
import io.piha.poe.safety.RecoveryOutcome;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.net.URI;

/**
 * The failover drill: the four operational flows of the control-plane seed, played for real (broker, SNMP,
 * HTTP, Home Assistant REST) with the contract's timings divided by 100, each with checks and measured
 * durations. Returns non-zero if any flow misbehaved.
 */
public final class Drill {

    private final PrintWriter out;
    private final DrillTimeline timeline;
    private final List<String> failures = new ArrayList<>();
    private final List<String> figures = new ArrayList<>();
    private DrillHome home;
    private int commandSeq;

    private final java.util.Optional<Integer> brokerPort;
    private final Consumer<FlowEnd> afterFlow;

    /**
     * The end of one flow, with the drill's status page as it is then.
     *
     * @param number 1 to 4
     * @param name the flow's name, e.g. {@code heartbeat-failure}
     * @param statusUrl the drill's status page
     */
    record FlowEnd(int number, String name, URI statusUrl) {
    }

    private Drill(PrintWriter out, java.util.Optional<Integer> brokerPort, Consumer<FlowEnd> afterFlow) {
        this.out = out;
        this.brokerPort = brokerPort;
        this.afterFlow = afterFlow;
        this.timeline = new DrillTimeline(out);
    }

    /**
     * Runs the drill.
     *
     * @return {@link ExitCode#OK} if every flow behaved, {@link ExitCode#CHECK_FAILED} otherwise
     * @throws RuntimeException if the drill's home could not be set up (no free port, no temporary folder)
     */
    public static int run(PrintWriter out) {
        return new Drill(out, java.util.Optional.empty(), end -> { }).play();
    }

    /** As {@link #run(PrintWriter)}, against a broker already listening on 127.0.0.1:{@code brokerPort}. */
    public static int run(PrintWriter out, int brokerPort) {
        return new Drill(out, java.util.Optional.of(brokerPort), end -> { }).play();
    }

    /** As {@link #run(PrintWriter)}, calling {@code afterFlow} at the end of each flow (to look at the status page). */
    static int run(PrintWriter out, java.util.Optional<Integer> brokerPort, Consumer<FlowEnd> afterFlow) {
        return new Drill(out, brokerPort, afterFlow).play();
    }

    private int play() {
        out.println("PiHA failover drill: real broker, SNMP PoE switch, Home Assistant HTTP endpoints, control plane and");
        out.println("standby agent, all in-process on 127.0.0.1. Timings are the contract's / 100: heartbeat every 0.3 s,");
        out.println("leader missing after 0.9 s, PoE reset, 0.6 s recovery wait, then fence and promote. Its status page");
        out.println("runs on 127.0.0.1 at a free port while it plays (the address is in the timeline).");
        try (DrillHome h = new DrillHome(timeline, brokerPort)) {
            home = h;
            home.controlPlane.start();
            home.standbyAgent.start();
            normalOperation();
            flowEnded(1, "normal-operation");
            heartbeatFailure();
            flowEnded(2, "heartbeat-failure");
            returnToPrimary();
            flowEnded(3, "return-to-primary");
            freezePeriod();
            flowEnded(4, "freeze-period");
            out.println();
            out.println("Audit trail and control-plane memory: " + home.work());
        } finally {
            out.flush();
        }
        out.println();
        figures.forEach(f -> out.println("  " + f));
        out.println(failures.isEmpty() ? "All four flows behaved (" + timeline.elapsed().toSeconds() + " s)."
                : failures.size() + " check(s) failed: " + failures);
        out.flush();
        return (failures.isEmpty() ? ExitCode.OK : ExitCode.CHECK_FAILED).code();
    }

    private void normalOperation() {
        timeline.title("1. Normal operation: the HAOS primary heartbeats (v1 automation); the standby observes");
        home.primary.leadAsV1();
        check(waitFor(Duration.ofSeconds(10), () -> home.controlPlane.state().leader().filter(PRIMARY::equals).isPresent()
                && home.controlPlane.state().phase() instanceof Phase.Watching), "the control plane recognises the v1 primary as leader");
        pause(Duration.ofSeconds(2));
        check(home.standbyAgent.state().role() == NodeRole.STANDBY, "the standby agent stays passive");
        check(!home.standby.automationsOn(), "the standby's automations stay off");
        check(home.primary.isLeading(), "the primary still leads after 2 s (no false alarm)");
    }

    private void heartbeatFailure() {
        timeline.title("2. Heartbeat failure: the primary hangs and its SD card is dead; PoE reset, fence, promote");
        long start = System.nanoTime();
        home.primary.diesForGood();
        home.primary.hang();
        boolean promoted = waitFor(Duration.ofSeconds(20), () -> home.standbyAgent.state().isCurrentLeader());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        check(promoted, "the standby agent leads");
        check(waitFor(Duration.ofSeconds(3), home.standby::automationsOn), "the standby's automations were turned on (REST actuator)");
        check(home.poeSwitch.powerHistory(io.piha.api.recovery.PortAddress.of(1, 1)).contains(false),
                "the primary's port was power-cycled and then fenced (switched off)");
        check(!home.poeSwitch.isAdminEnabled(io.piha.api.recovery.PortAddress.of(1, 1)), "the primary's port stays off (fenced)");
        Duration nominal = home.policy.heartbeatTimeout().plus(home.policy.recoveryWait()).plusMillis(200);
        statusShowsTheFailover();
        figures.add(String.format("failover: %d ms from hang to the standby leading; nominal %d ms (timeout + off time + wait)"
                + " plus up to one heartbeat interval (%d ms)", took.toMillis(), nominal.toMillis(), DrillHome.HEARTBEAT.toMillis()));
    }

    private void flowEnded(int number, String name) {
        afterFlow.accept(new FlowEnd(number, name, home.statusUrl()));
    }

    /** The status page as an operator reads it after the failover: the steps at their severity, no heartbeat flood. */
    private void statusShowsTheFailover() {
        check(waitFor(Duration.ofSeconds(3), () -> DrillStatusChecks.warned(home.status.snapshot(), "heartbeat_missed")
                        && DrillStatusChecks.warned(home.status.snapshot(), "poe_reset")),
                "the status page shows the missed heartbeat and the PoE reset as warnings");
        check(DrillStatusChecks.noHeartbeatListed(home.status.snapshot()),
                "the status page counts heartbeats (" + DrillStatusChecks.heartbeats(home.status.snapshot())
                        + ") instead of listing them");
        check(DrillStatusChecks.lastHeartbeatKept(home.status.snapshot(), PRIMARY),
                "the status page keeps the old primary's last heartbeat");
        check(DrillStatusChecks.heldOff(home.status.snapshot(), PRIMARY.value()),
                "the status page shows the primary's port held off (fenced)");
    }

    private void returnToPrimary() {
        timeline.title("3. Return to HAOS: the primary is repaired and powered; the operator demotes the standby");
        home.primary.repaired();
        RecoveryOutcome on = home.powerOn(PRIMARY, "repaired: new SD card");
        check(on instanceof RecoveryOutcome.Done, "the operator powers the primary's port back on through the safety layer ("
                + said(on) + ")");
        pause(Duration.ofSeconds(2));
        check(!home.primary.isLeading() && home.standbyAgent.state().isCurrentLeader(),
                "the booted primary does not reclaim leadership by itself");
        long start = System.nanoTime();
        int alertsBefore = home.timeline.alerts().size();
        java.time.Instant demotedAt = home.clock.instant();
        home.operator(command(CommandVerb.DEMOTE, STANDBY, "return to primary"));
        boolean back = waitFor(Duration.ofSeconds(10), () -> home.primary.isLeading()
                && home.controlPlane.state().phase() instanceof Phase.Watching);
        figures.add(String.format("return to primary: %d ms from demote to the primary leading again",
                Duration.ofNanos(System.nanoTime() - start).toMillis()));
        check(back, "the primary leads again after maintenance");
        List<String> decided = home.controlPlane.recentDecisions().stream().filter(e -> !e.timestamp().isBefore(demotedAt))
                .map(e -> e.action() + ": " + e.reason()).toList();
        int out = indexOf(decided, "acknowledged its demotion");
        int granted = indexOf(decided, "granted epoch");
        check(out >= 0 && granted > out, "the standby's acknowledgement came before the grant to the primary"
                + (out >= 0 && granted > out ? " (" + decided.get(out).replaceFirst("^[a-z_]+: ", "") + ")" : ": " + decided));
        List<String> critical = home.timeline.alerts().subList(alertsBefore, home.timeline.alerts().size()).stream()
                .filter(a -> a.severity() == io.piha.api.alert.Severity.CRITICAL).map(a -> a.code()).toList();
        check(critical.isEmpty(), "no CRITICAL alert in a planned hand-back" + (critical.isEmpty() ? "" : ": " + critical));
        check(waitFor(Duration.ofSeconds(3), () -> home.standbyAgent.state().role() == NodeRole.STANDBY && !home.standby.automationsOn()),
                "the standby agent stood down and turned its automations off");
    }

    private void freezePeriod() {
        timeline.title("4. Freeze period: a risky week; the primary hangs for good; then an emergency promote");
        home.operator(command(CommandVerb.FREEZE, null, "risky week"));
        check(waitFor(Duration.ofSeconds(5), () -> home.controlPlane.state().frozen()), "the control plane is frozen");
        home.primary.diesForGood();
        home.primary.hang();
        check(waitFor(Duration.ofSeconds(20), () -> home.controlPlane.state().phase() instanceof Phase.Blocked),
                "the failover is blocked by the freeze");
        check(!home.standbyAgent.state().isCurrentLeader(), "no automatic promotion while frozen");
        long start = System.nanoTime();
        home.operator(command(CommandVerb.PROMOTE, STANDBY, "emergency"));
        check(waitFor(Duration.ofSeconds(10), () -> home.standbyAgent.state().isCurrentLeader()), "the emergency promote goes through");
        check(waitFor(Duration.ofSeconds(3), home.standby::automationsOn), "the standby's automations are on again");
        figures.add(String.format("emergency promote: %d ms from the operator's command to the standby leading",
                Duration.ofNanos(System.nanoTime() - start).toMillis()));
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    /** A power action's outcome in words (the drill only powers on, so no plan is ever made). */
    private static String said(RecoveryOutcome outcome) {
        if (outcome instanceof RecoveryOutcome.Done d) {
            return "done in " + Durations.format(d.took());
        }
        if (outcome instanceof RecoveryOutcome.Refused r) {
            return "refused: " + r.reason();
        }
        return outcome instanceof RecoveryOutcome.Failed f ? "failed: " + f.reason() : "only planned";
    }

    private Command command(CommandVerb verb, HostId target, String reason) {
        Command.Builder b = Command.envelope(verb, "drill-" + (++commandSeq)).actor("operator").reason(reason);
        if (target != null) {
            b.target(target);
        }
        return b.build();
    }

    private void check(boolean ok, String what) {
        timeline.check(ok, what);
        if (!ok) {
            failures.add(what);
        }
    }

    private static boolean waitFor(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            pause(Duration.ofMillis(20));
        }
        return condition.getAsBoolean();
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("drill interrupted", e);
        }
    }
}
