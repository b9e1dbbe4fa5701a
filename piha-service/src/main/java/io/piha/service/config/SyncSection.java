package io.piha.service.config;

import io.piha.api.leadership.ServiceName;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads {@code sync:} of either file: the control plane's mirror, or the agent's standby checkout. */
final class SyncSection {

    private static final String BRANCH = "[A-Za-z0-9][A-Za-z0-9._/-]{0,100}";

    private SyncSection() {
    }

    static Optional<ConfigSyncSettings> controlPlane(ConfigNode root, List<ServiceName> services) {
        return root.object("sync").map(s -> {
            int before = s.problems().count();
            ServiceName service = s.convert("service", services.isEmpty() ? ServiceName.HOME_ASSISTANT : services.get(0),
                    ServiceName::of);
            if (service != null && !services.isEmpty() && !services.contains(service)) {
                s.problem("service", "names a service that is not under services " + services.stream()
                        .map(ServiceName::value).toList(), Optional.of(service.value()));
            }
            String repository = s.text("repository");
            Optional<Path> cache = s.optionalText("cache").map(Path::of);
            String primary = branch(s, "primary_branch", "main");
            String standby = branch(s, "standby_branch", "standby");
            if (primary != null && primary.equals(standby)) {
                s.problem("standby_branch", "must differ from primary_branch", Optional.of(standby));
            }
            var window = s.duration("window", ConfigSyncSettings.DEFAULT_WINDOW);
            var every = s.duration("check_every", ConfigSyncSettings.DEFAULT_CHECK_EVERY);
            List<String> forbidden = s.stringList("forbidden_paths");
            s.rejectUnknownKeys();
            return s.problems().count() > before ? null
                    : new ConfigSyncSettings(service, repository, cache, primary, standby, window, every, forbidden);
        });
    }

    static Optional<ConfigSyncSettings.Standby> agent(ConfigNode root) {
        return root.object("sync").map(s -> {
            int before = s.problems().count();
            String repository = s.text("repository");
            String branch = branch(s, "branch", "standby");
            String checkout = s.text("checkout");
            s.rejectUnknownKeys();
            return s.problems().count() > before ? null
                    : new ConfigSyncSettings.Standby(Path.of(repository), branch, Path.of(checkout));
        });
    }

    private static String branch(ConfigNode s, String key, String fallback) {
        String b = s.text(key, fallback);
        if (b != null && (!b.matches(BRANCH) || b.contains(".."))) {
            s.problem(key, "must be a branch name, e.g. " + fallback, Optional.of(b));
            return null;
        }
        return b;
    }
}
