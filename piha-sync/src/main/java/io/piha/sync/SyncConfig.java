package io.piha.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How config sync runs: which service, which branches, how long the observation window is and which paths
 * are forbidden. Immutable; build with {@link #custom()} or take {@link #ofDefaults()}.
 *
 * @since 0.1
 */
public final class SyncConfig {

    /** The service whose configuration is mirrored. */
    public static final String DEFAULT_SERVICE = "home-assistant";
    /** The branch the primary pushes to. */
    public static final String DEFAULT_PRIMARY_BRANCH = "main";
    /** The branch the standby reads. */
    public static final String DEFAULT_STANDBY_BRANCH = "standby";
    /** The observation window: 24 hours. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,100}");

    private final String service;
    private final String primaryBranch;
    private final String standbyBranch;
    private final Duration window;
    private final ForbiddenPaths forbiddenPaths;

    private SyncConfig(Builder b) {
        this.service = b.service;
        this.primaryBranch = b.primaryBranch;
        this.standbyBranch = b.standbyBranch;
        this.window = b.window;
        this.forbiddenPaths = b.forbiddenPaths;
    }

    /** The defaults: {@code home-assistant}, {@code main} to {@code standby}, 24 h, the default forbidden paths. */
    public static SyncConfig ofDefaults() {
        return custom().build();
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** The service name, used in alerts, audit entries and events. */
    public String service() {
        return service;
    }

    /** The primary's branch, e.g. {@code main}. */
    public String primaryBranch() {
        return primaryBranch;
    }

    /** The standby's branch, e.g. {@code standby}. */
    public String standbyBranch() {
        return standbyBranch;
    }

    /** How long a commit must run without incident before it may reach the standby. */
    public Duration window() {
        return window;
    }

    /** What must never reach a standby. */
    public ForbiddenPaths forbiddenPaths() {
        return forbiddenPaths;
    }

    /** Builds a {@link SyncConfig}; validates each value as it is set. Not thread-safe. */
    public static final class Builder {
        private String service = DEFAULT_SERVICE;
        private String primaryBranch = DEFAULT_PRIMARY_BRANCH;
        private String standbyBranch = DEFAULT_STANDBY_BRANCH;
        private Duration window = DEFAULT_WINDOW;
        private ForbiddenPaths forbiddenPaths = ForbiddenPaths.ofDefaults();

        private Builder() {
        }

        /** @throws IllegalArgumentException if blank */
        public Builder service(String service) {
            if (Objects.requireNonNull(service, "service").isBlank()) {
                throw new IllegalArgumentException("service must not be blank");
            }
            this.service = service;
            return this;
        }

        /** @throws IllegalArgumentException if not a plain branch name */
        public Builder primaryBranch(String branch) {
            this.primaryBranch = branch(branch);
            return this;
        }

        /** @throws IllegalArgumentException if not a plain branch name */
        public Builder standbyBranch(String branch) {
            this.standbyBranch = branch(branch);
            return this;
        }

        /** @throws IllegalArgumentException if negative; 24-48 h is typical */
        public Builder window(Duration window) {
            if (Objects.requireNonNull(window, "window").isNegative()) {
                throw new IllegalArgumentException("observation window must not be negative, was " + window);
            }
            this.window = window;
            return this;
        }

        /** Replaces the forbidden paths. */
        public Builder forbiddenPaths(ForbiddenPaths forbiddenPaths) {
            this.forbiddenPaths = Objects.requireNonNull(forbiddenPaths, "forbiddenPaths");
            return this;
        }

        /**
         * @return the config
         * @throws IllegalArgumentException if primary and standby are the same branch
         */
        public SyncConfig build() {
            if (primaryBranch.equals(standbyBranch)) {
                throw new IllegalArgumentException("primary and standby branch are both '" + primaryBranch + "'");
            }
            return new SyncConfig(this);
        }

        private static String branch(String branch) {
            Objects.requireNonNull(branch, "branch");
            if (!BRANCH.matcher(branch).matches() || branch.contains("..") || branch.endsWith(".lock")) {
                throw new IllegalArgumentException("invalid branch name '" + branch
                        + "': use a plain name like main or standby, without refs/heads/");
            }
            return branch;
        }
    }
}
