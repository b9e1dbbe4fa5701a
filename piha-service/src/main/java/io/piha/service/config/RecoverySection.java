package io.piha.service.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads {@code recovery:} and the {@code supervisor:} and {@code reinstall:} keys of a host. */
final class RecoverySection {

    private RecoverySection() {
    }

    static RecoveryConfig read(ConfigNode root) {
        Optional<ConfigNode> section = root.object("recovery");
        if (section.isEmpty()) {
            return RecoveryConfig.defaults();
        }
        ConfigNode r = section.get();
        RecoveryConfig d = RecoveryConfig.defaults();
        Path staging = r.convert("staging_dir", d.stagingDir(), Path::of);
        int keep = r.integer("keep", d.keep(), 1, 1000);
        String branch = r.text("snapshot_branch", d.snapshotBranch());
        RecoveryConfig.ReinstallLimits limits = r.object("reinstall").map(RecoverySection::limits)
                .orElse(d.reinstall());
        Optional<Duration> every = Optional.ofNullable(r.duration("backup_every", null));
        r.rejectUnknownKeys();
        return new RecoveryConfig(staging, keep, branch, limits, every);
    }

    private static RecoveryConfig.ReinstallLimits limits(ConfigNode n) {
        RecoveryConfig.ReinstallLimits d = RecoveryConfig.ReinstallLimits.defaults();
        Duration cooldown = n.duration("cooldown", d.cooldown());
        int limit = n.integer("limit", d.limit(), 1, 100);
        Duration window = n.duration("window", d.window());
        Set<String> protectedHosts = Set.copyOf(n.stringList("protected"));
        n.rejectUnknownKeys();
        return new RecoveryConfig.ReinstallLimits(cooldown, limit, window, protectedHosts);
    }

    static Optional<RecoveryConfig.Supervisor> supervisor(ConfigNode host) {
        return host.object("supervisor").map(s -> {
            int before = s.problems().count();
            var url = s.url("url", CommonSections.HTTP);
            var token = s.requiredSecret("token");
            Duration timeout = s.duration("timeout", Duration.ofSeconds(30));
            Duration create = s.duration("create_timeout", Duration.ofMinutes(30));
            s.rejectUnknownKeys();
            return s.problems().count() > before ? null : new RecoveryConfig.Supervisor(url, token, timeout, create);
        });
    }

    static Optional<RecoveryConfig.Reinstall> reinstall(ConfigNode host) {
        return host.object("reinstall").map(r -> {
            int before = r.problems().count();
            List<String> command = r.stringList("command");
            var url = r.optionalUrl("url", CommonSections.HTTP);
            var token = r.secret("token");
            Duration timeout = r.duration("timeout", Duration.ofMinutes(30));
            r.rejectUnknownKeys();
            if (command.isEmpty() == url.isEmpty() && r.problems().count() == before) {
                r.problem("command", "give exactly one of command (a list: program and arguments) and url",
                        Optional.empty());
            }
            return r.problems().count() > before ? null : new RecoveryConfig.Reinstall(command, url, token, timeout);
        });
    }
}
