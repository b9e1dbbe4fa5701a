package io.piha.api.alert;

import java.util.Map;
import java.util.Optional;

/**
 * The alert codes PiHA raises: one list, so sinks, dashboards and Home Assistant automations can rely on them. A
 * code that contract v1 named differently keeps its v1 name as an alias ({@link #v1Alias(String)}); the MQTT alert
 * channel publishes that name too, so automations listening for {@code haos_heartbeat_missed} keep working.
 *
 * @since 0.1
 */
public final class AlertCodes {

    /** The leader's heartbeat was not seen within the timeout (v1: {@code haos_heartbeat_missed}). */
    public static final String HEARTBEAT_MISSED = "heartbeat_missed";
    /** The leader sends no heartbeat but its probe answers. */
    public static final String HEARTBEAT_MISSING_HOST_UP = "heartbeat_missing_host_up";
    /** The silent leader's PoE port is being power-cycled. */
    public static final String POE_RESET = "poe_reset";
    /** A power action the control plane asked for failed. */
    public static final String POE_FAILED = "poe_failed";
    /** Leadership moved to another host (or back). */
    public static final String LEADERSHIP_CHANGED = "leadership_changed";
    /** A failover is needed but may not proceed (frozen, anti-flap, standby down). */
    public static final String PROMOTION_BLOCKED = "promotion_blocked";
    /** The promoted host did not show itself as leader in time. */
    public static final String PROMOTION_UNACKNOWLEDGED = "promotion_unacknowledged";
    /** The old leader can be neither fenced nor acknowledged: no grant until an operator acts. */
    public static final String FENCING_IMPOSSIBLE = "fencing_impossible";
    /** Fencing by power failed. */
    public static final String FENCING_FAILED = "fencing_failed";
    /** Nobody leads the service and nothing will change that by itself. */
    public static final String NO_LEADER = "no_leader";
    /** The standby is down too: no promotion possible. */
    public static final String STANDBY_DOWN = "standby_down";
    /** The host leadership is handed back to does not answer. */
    public static final String HAND_BACK_TARGET_SILENT = "hand_back_target_silent";
    /** A host acts as leader without holding the lease. */
    public static final String SPLIT_BRAIN = "split_brain";
    /** A lease this arbiter did not grant was seen. */
    public static final String FOREIGN_GRANT = "foreign_grant";
    /** A message claimed an epoch far beyond any granted: refused. */
    public static final String ABSURD_EPOCH = "absurd_epoch";
    /** A message that must be signed was not, or its signature did not match: refused. */
    public static final String UNSIGNED_MESSAGE = "unsigned_message";
    /** A host's clock differs from the control plane's by more than the bound. */
    public static final String CLOCK_SKEW = "clock_skew";
    /** The control plane cannot write its memory: it does not act until it can. */
    public static final String MEMORY_WRITE_FAILED = "memory_write_failed";
    /** The suspected leader recovered. */
    public static final String HOST_RECOVERED = "host_recovered";

    private static final Map<String, String> V1_ALIASES = Map.of(HEARTBEAT_MISSED, "haos_heartbeat_missed");

    private AlertCodes() {
    }

    /** The name contract v1 gave this code, if it had another. */
    public static Optional<String> v1Alias(String code) {
        return Optional.ofNullable(V1_ALIASES.get(code));
    }
}
