package io.piha.mqtt;

import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ServiceName;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The topic layout of the leadership contract under a prefix ({@code piha/leader} by default):
 * {@code <prefix>/<service>/{state,heartbeat,cmd,events,lease,sync_freeze}},
 * {@code <prefix>/<service>/availability/<host>} and the shared {@code <prefix>/alerts}.
 * Immutable and thread-safe.
 *
 * @param prefix topic levels without a trailing slash, e.g. {@code piha/leader}
 * @since 0.1
 */
public record LeadershipTopics(String prefix) {

    /** The prefix of contract v1. */
    public static final String DEFAULT_PREFIX = "piha/leader";

    private static final Pattern VALID_PREFIX = Pattern.compile("[^+#/\\s][^+#\\s]*[^+#/\\s]|[^+#/\\s]");

    /** @throws IllegalArgumentException if the prefix is empty, holds wildcards or starts/ends with '/' */
    public LeadershipTopics {
        Objects.requireNonNull(prefix, "prefix");
        if (!VALID_PREFIX.matcher(prefix).matches() || prefix.contains("//")) {
            throw new IllegalArgumentException("invalid topic prefix '" + prefix
                    + "': use levels such as piha/leader, without wildcards, blanks or leading/trailing '/'");
        }
    }

    /** The layout of contract v1 ({@code piha/leader}). */
    public static LeadershipTopics v1() {
        return new LeadershipTopics(DEFAULT_PREFIX);
    }

    /** Retained plain-text state. */
    public String state(ServiceName service) {
        return level(service, "state");
    }

    /** Retained heartbeat JSON. */
    public String heartbeat(ServiceName service) {
        return level(service, "heartbeat");
    }

    /** Commands: plain text (v1) or JSON envelope. */
    public String command(ServiceName service) {
        return level(service, "cmd");
    }

    /** Events JSON, one per leadership action. */
    public String events(ServiceName service) {
        return level(service, "events");
    }

    /** Retained lease JSON, published by the arbiter only. */
    public String lease(ServiceName service) {
        return level(service, "lease");
    }

    /** Retained config-sync freeze flag, the seed's {@code standby_sync_freeze}. */
    public String syncFreeze(ServiceName service) {
        return level(service, "sync_freeze");
    }

    /** Retained {@code online}/{@code offline} of one host's agent; {@code offline} is its Last Will. */
    public String availability(ServiceName service, HostId host) {
        return level(service, "availability") + "/" + host.value();
    }

    /** Every topic of a service, as a subscription filter. */
    public String everything(ServiceName service) {
        return level(service, "#");
    }

    /** The shared alert channel. */
    public String alerts() {
        return prefix + "/alerts";
    }

    private String level(ServiceName service, String leaf) {
        return prefix + "/" + service.value() + "/" + leaf;
    }
}
