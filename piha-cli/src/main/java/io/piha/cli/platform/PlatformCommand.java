package io.piha.cli.platform;

import io.piha.cli.ExitCode;
import io.piha.platform.AuditOptions;
import io.piha.platform.AuditReport;
import io.piha.platform.PlatformAudit;
import io.piha.platform.ReportRenderer;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code piha platform}: the audit of a k3s/Flux repository that runs Home Assistant (see docs/platform-audit.md). */
@Command(name = "platform", mixinStandardHelpOptions = true,
        description = "Audits the k3s/Flux repositories homes run on, against the platform seed's rules.",
        subcommands = {PlatformCommand.Audit.class, PlatformCommand.Rules.class})
public final class PlatformCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code piha platform audit DIR}. */
    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = {"Reads a Flux/k3s repository as it lies on disk (no cluster) and reports every finding with "
                    + "its rule, severity, file and line, why it matters and the fix, grouped by the seed's phases.",
                    "Exit code 0 when no finding (not suppressed in .piha-audit.yaml) is at or above --fail-on, 1 when "
                            + "one is, 2 for bad usage."})
    public static final class Audit implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The repository's folder (a Git checkout).")
        Path repository;

        @Option(names = "--format", defaultValue = "text",
                description = "text (for people), json or sarif (SARIF 2.1.0 for code scanning) (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--fail-on", defaultValue = "high",
                description = "The lowest severity that fails the run: critical, high, medium, low or info "
                        + "(default: ${DEFAULT-VALUE}).")
        String failOn;

        @Option(names = {"-o", "--output"}, description = "Write the report to this file instead of the standard output.")
        Path output;

        @Option(names = "--min-influx-retention",
                description = "The shortest InfluxDB retention that passes (default: 730d, two years).")
        Duration minimumInfluxRetention;

        @Option(names = "--floating-tag", paramLabel = "TAG",
                description = "An image tag that counts as unpinned, besides 'latest'; repeatable.")
        List<String> floatingTags;

        @Option(names = "--nas-storage-class", paramLabel = "NAME",
                description = "A StorageClass backed by the NAS, besides those the audit recognises; repeatable.")
        List<String> nasStorageClasses;

        @Option(names = "--suppressions", paramLabel = "FILE",
                description = "The suppression file, relative to DIR (default: .piha-audit.yaml).")
        String suppressions;

        @Override
        public Integer call() throws IOException {
            ReportRenderer renderer = ReportRenderer.forFormat(format);
            Severity threshold = Severity.parse(failOn);
            AuditOptions.Builder options = AuditOptions.custom();
            if (minimumInfluxRetention != null) {
                options.minimumInfluxRetention(minimumInfluxRetention);
            }
            if (floatingTags != null) {
                options.floatingTags(floatingTags.toArray(String[]::new));
            }
            if (nasStorageClasses != null) {
                options.nasStorageClasses(nasStorageClasses.toArray(String[]::new));
            }
            if (suppressions != null) {
                options.suppressionFile(suppressions);
            }
            AuditReport report = PlatformAudit.of(options.build()).audit(repository);
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                renderer.write(report, out);
                out.flush();
            } else {
                try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    renderer.write(report, w);
                }
                spec.commandLine().getOut().println(report.unsuppressed().size() + " finding(s); report written to "
                        + output);
            }
            return report.exitCode(threshold) == AuditReport.EXIT_CLEAN ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
        }
    }

    /** {@code piha platform rules}. */
    @Command(name = "rules", mixinStandardHelpOptions = true,
            description = "Lists the audit's rules in phase order: id, severity, phase, seed item and title.")
    public static final class Rules implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (Rule r : PlatformAudit.rules()) {
                out.printf("%-34s %-8s phase %d  %-4s %s%n", r.id(), r.severity().name().toLowerCase(java.util.Locale.ROOT),
                        r.phase().number(), r.seedLabel().orElse(""), r.title());
            }
            out.flush();
            return ExitCode.OK.code();
        }
    }
}
