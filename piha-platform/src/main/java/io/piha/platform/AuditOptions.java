package io.piha.platform;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What an audit accepts: the minimum InfluxDB retention, which image tags float, which StorageClasses are on
 * the NAS and where suppressions live. Immutable; build with {@link #custom()} or take {@link #ofDefaults()}.
 *
 * @since 0.1
 */
public final class AuditOptions {

    /** The seed asks for multi-year metrics: two years by default. */
    public static final Duration DEFAULT_MINIMUM_INFLUX_RETENTION = Duration.ofDays(730);
    /**
     * Tags that move: {@code latest} only, as in the seed's own assessment, which counts
     * {@code python-matter-server:stable} as an explicit version. Add {@code stable}, {@code edge}... to be stricter.
     */
    public static final Set<String> DEFAULT_FLOATING_TAGS = Set.of("latest");
    /** The suppression file, at the root of the audited repository. */
    public static final String DEFAULT_SUPPRESSION_FILE = ".piha-audit.yaml";

    private static final Pattern CLASS_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

    private final Duration minimumInfluxRetention;
    private final Set<String> floatingTags;
    private final Set<String> nasStorageClasses;
    private final String suppressionFile;

    private AuditOptions(Builder b) {
        this.minimumInfluxRetention = b.minimumInfluxRetention;
        this.floatingTags = Set.copyOf(b.floatingTags);
        this.nasStorageClasses = Set.copyOf(b.nasStorageClasses);
        this.suppressionFile = b.suppressionFile;
    }

    /** The defaults: two years, {@code latest}, NAS classes detected, {@code .piha-audit.yaml}. */
    public static AuditOptions ofDefaults() {
        return custom().build();
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** InfluxDB retention below this is a finding; infinite retention never is. */
    public Duration minimumInfluxRetention() {
        return minimumInfluxRetention;
    }

    /** Image tags that count as unpinned, lower case. */
    public Set<String> floatingTags() {
        return floatingTags;
    }

    /**
     * StorageClasses declared NAS-backed. Empty (the default) means detected: a class whose provisioner or
     * parameters name NFS, SMB or a NAS path, or whose name contains {@code nfs} or {@code nas}.
     */
    public Set<String> nasStorageClasses() {
        return nasStorageClasses;
    }

    /** The suppression file's path relative to the audited repository. */
    public String suppressionFile() {
        return suppressionFile;
    }

    /** Builds {@link AuditOptions}; validates each value as it is set. Not thread-safe. */
    public static final class Builder {
        private Duration minimumInfluxRetention = DEFAULT_MINIMUM_INFLUX_RETENTION;
        private final Set<String> floatingTags = new TreeSet<>(DEFAULT_FLOATING_TAGS);
        private final Set<String> nasStorageClasses = new TreeSet<>();
        private String suppressionFile = DEFAULT_SUPPRESSION_FILE;

        private Builder() {
        }

        /** The minimum InfluxDB retention; positive. */
        public Builder minimumInfluxRetention(Duration minimum) {
            Objects.requireNonNull(minimum, "minimum");
            if (minimum.isNegative() || minimum.isZero()) {
                throw new IllegalArgumentException("minimum InfluxDB retention must be positive: " + minimum);
            }
            this.minimumInfluxRetention = minimum;
            return this;
        }

        /** Adds tags that count as unpinned, e.g. {@code stable}; {@code latest} always does. */
        public Builder floatingTags(String... tags) {
            for (String tag : tags) {
                if (tag == null || tag.isBlank() || tag.contains(":")) {
                    throw new IllegalArgumentException("a floating tag is a bare tag like 'stable': '" + tag + "'");
                }
                floatingTags.add(tag.trim().toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /** Declares StorageClasses NAS-backed; once any is declared, detection is off. */
        public Builder nasStorageClasses(String... names) {
            for (String name : names) {
                if (name == null || !CLASS_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("not a StorageClass name: '" + name + "'");
                }
                nasStorageClasses.add(name);
            }
            return this;
        }

        /** The suppression file, relative to the repository root. */
        public Builder suppressionFile(String relativePath) {
            if (relativePath == null || relativePath.isBlank() || relativePath.startsWith("/")
                    || relativePath.contains("..")) {
                throw new IllegalArgumentException("the suppression file is a path inside the repository: '"
                        + relativePath + "'");
            }
            this.suppressionFile = relativePath;
            return this;
        }

        /** The options. */
        public AuditOptions build() {
            return new AuditOptions(this);
        }
    }
}
