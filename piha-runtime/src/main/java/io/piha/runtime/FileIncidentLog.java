package io.piha.runtime;

import io.piha.api.sync.Incident;
import io.piha.api.sync.IncidentKind;
import io.piha.api.sync.IncidentLog;
import io.piha.api.io.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incidents config sync waits on, kept in a file so a restart of the control plane does not forget a recent
 * failover (and let an unobserved configuration reach the standby early). One line per incident,
 * {@code <instant> <kind> <source> <detail>}, appended and forced to disk; incidents older than
 * {@link #RETENTION} are dropped when the file is read. A line that cannot be read is skipped with a warning.
 * Thread-safe.
 *
 * @since 0.1
 */
public final class FileIncidentLog implements IncidentLog {

    /** How long incidents are kept: longer than any sane observation window. */
    public static final Duration RETENTION = Duration.ofDays(30);

    private static final Logger LOG = LoggerFactory.getLogger(FileIncidentLog.class);

    private final Path file;
    private final ConcurrentSkipListMap<Instant, Incident> byTime = new ConcurrentSkipListMap<>();

    /**
     * The log kept in {@code file}, read now if it exists.
     *
     * @throws UncheckedIOException naming the file if it exists and cannot be read
     */
    public FileIncidentLog(Path file, Instant now) {
        this.file = Objects.requireNonNull(file, "file");
        if (Files.exists(file)) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    parse(lines.get(i), i + 1).filter(x -> x.at().isAfter(now.minus(RETENTION)))
                            .ifPresent(x -> byTime.putIfAbsent(x.at(), x));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the incident log " + file, e);
            }
        }
    }

    /** @throws UncheckedIOException naming the file if the incident cannot be written */
    @Override
    public void record(Incident incident) {
        Objects.requireNonNull(incident, "incident");
        try {
            DurableFiles.appendLine(file, incident.at() + " " + incident.kind() + " " + incident.source().replace(' ', '_')
                    + " " + incident.detail().replace('\n', ' '));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the incident log " + file, e);
        }
        byTime.putIfAbsent(incident.at(), incident);
    }

    @Override
    public Optional<Incident> latest(Instant notAfter) {
        return Optional.ofNullable(byTime.floorEntry(notAfter)).map(e -> e.getValue());
    }

    private Optional<Incident> parse(String line, int number) {
        String[] parts = line.split(" ", 4);
        try {
            return Optional.of(new Incident(IncidentKind.valueOf(parts[1]), Instant.parse(parts[0]), parts[2],
                    parts.length > 3 ? parts[3] : ""));
        } catch (RuntimeException e) {
            if (!line.isBlank()) {
                LOG.warn("incident log {} line {} skipped, cannot be read: {}", file, number, line);
            }
            return Optional.empty();
        }
    }
}
