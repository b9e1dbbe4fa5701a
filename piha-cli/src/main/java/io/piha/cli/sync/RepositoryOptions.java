package io.piha.cli.sync;

import io.piha.api.audit.AuditEntry;
import io.piha.sync.GitConfigSync;
import io.piha.sync.SyncConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options every {@code piha sync} subcommand shares: which repository, which branches, which window. */
final class RepositoryOptions {

    @Option(names = "--repo", required = true, paramLabel = "PATH|URI",
            description = "The configuration repository: a path on the NAS (/mnt/piha/git/home-assistant.git)"
                    + " or a file://, ssh:// or https:// URI.")
    String repository;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Local cache for a remote --repo. Default: ~/.cache/piha/sync/<host-and-path>.")
    Path cache;

    @Option(names = "--service", defaultValue = SyncConfig.DEFAULT_SERVICE,
            description = "The service whose configuration is synced. Default: ${DEFAULT-VALUE}.")
    String service;

    @Option(names = "--primary", defaultValue = SyncConfig.DEFAULT_PRIMARY_BRANCH,
            description = "The primary's branch. Default: ${DEFAULT-VALUE}.")
    String primary;

    @Option(names = "--standby", defaultValue = SyncConfig.DEFAULT_STANDBY_BRANCH,
            description = "The standby's branch. Default: ${DEFAULT-VALUE}.")
    String standby;

    @Option(names = "--window", defaultValue = "24h",
            description = "Observation window, e.g. 24h, 48h, 2d or PT36H. Default: ${DEFAULT-VALUE}.")
    Duration window;

    /** The sync on this repository; audit entries and alerts are printed to {@code err}. */
    GitConfigSync open(Clock clock, PrintWriter err) {
        SyncConfig config = SyncConfig.custom().service(service).primaryBranch(primary).standbyBranch(standby)
                .window(window).build();
        boolean remote = repository.contains("://");
        GitConfigSync.Builder builder = remote ? GitConfigSync.remote(repository, cacheFor(repository))
                : GitConfigSync.custom(Path.of(repository));
        return builder.config(config).clock(clock)
                .audit(e -> err.println("audit: " + line(e)))
                .alerts(a -> err.println("alert " + a.code() + " (" + a.severity() + "): " + a.message()))
                .build();
    }

    private Path cacheFor(String uri) {
        if (cache != null) {
            return cache;
        }
        String name = uri.replaceFirst("^[a-z+]+://([^@/]*@)?", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("user.home"), ".cache", "piha", "sync", name);
    }

    private static String line(AuditEntry e) {
        return e.timestamp() + " " + e.actor() + " " + e.action() + " " + e.subject() + " " + e.outcome() + ": "
                + e.reason();
    }
}
