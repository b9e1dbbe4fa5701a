package io.piha.poe.safety;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The memory of the safety layer: past actions (for rate limits), failed recoveries and open breakers, and
 * the journal of ports not yet back on: those observed off (a power-off succeeded, or a read-back said off)
 * and those that may be off (a power-off was about to be sent, or went unanswered). Kept in a file, rewritten atomically on every
 * change, so a control plane in a restart loop still sees its cooldowns and cannot become a power-cycle loop.
 *
 * <p>Shared by every {@link GuardedSwitch} of a process (the global rate limit spans switches). Thread-safe.
 *
 * @since 0.1
 */
public final class SafetyLedger {

    /** Default retention of actions and failures: 7 days, longer than any window. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    private final Optional<Path> file;
    private final Duration retention;
    private final List<Event> actions = new ArrayList<>();
    private final List<Event> failures = new ArrayList<>();
    private final Map<PortKey, Instant> breakers = new HashMap<>();
    private final Map<PortKey, Instant> leftOff = new HashMap<>();
    private final Map<PortKey, Instant> maybeOff = new HashMap<>();

    private SafetyLedger(Optional<Path> file, Duration retention) {
        this.file = file;
        this.retention = retention;
    }

    /** A ledger that forgets everything on restart: for tests and dry runs only. */
    public static SafetyLedger inMemory() {
        return new SafetyLedger(Optional.empty(), DEFAULT_RETENTION);
    }

    /**
     * A ledger kept in {@code file}, loaded now if it exists.
     *
     * @throws IllegalStateException if the file exists but a line cannot be read, naming file and line
     * @throws UncheckedIOException if the file cannot be read
     */
    public static SafetyLedger open(Path file) {
        SafetyLedger ledger = new SafetyLedger(Optional.of(file), DEFAULT_RETENTION);
        if (Files.exists(file)) {
            ledger.load(file);
        }
        return ledger;
    }

    /** A port on a switch. */
    record PortKey(String switchName, String label) {
    }

    private record Event(Instant at, PortKey port) {
    }

    synchronized List<Instant> actions(String switchName, String label) {
        return times(actions, new PortKey(switchName, label));
    }

    synchronized long actionsSince(Instant since, Optional<String> switchName) {
        return actions.stream().filter(e -> !e.at().isBefore(since))
                .filter(e -> switchName.map(e.port().switchName()::equals).orElse(true)).count();
    }

    synchronized List<Instant> failures(String switchName, String label) {
        return times(failures, new PortKey(switchName, label));
    }

    synchronized Optional<Instant> breakerOpenUntil(String switchName, String label) {
        return Optional.ofNullable(breakers.get(new PortKey(switchName, label)));
    }

    /** The ports of {@code switchName} observed off and not yet back on, with when. */
    public synchronized Map<String, Instant> leftOff(String switchName) {
        return of(leftOff, switchName);
    }

    /** The ports of {@code switchName} that may be off: an off was sent but never confirmed nor undone. */
    public synchronized Map<String, Instant> maybeOff(String switchName) {
        return of(maybeOff, switchName);
    }

    private static Map<String, Instant> of(Map<PortKey, Instant> journal, String switchName) {
        Map<String, Instant> ports = new HashMap<>();
        journal.forEach((k, at) -> {
            if (k.switchName().equals(switchName)) {
                ports.put(k.label(), at);
            }
        });
        return Map.copyOf(ports);
    }

    synchronized void recordAction(String switchName, String label, Instant at) {
        actions.add(new Event(at, new PortKey(switchName, label)));
        prune(at);
        save();
    }

    synchronized void recordFailure(String switchName, String label, Instant at) {
        failures.add(new Event(at, new PortKey(switchName, label)));
        prune(at);
        save();
    }

    synchronized void clearFailures(String switchName, String label) {
        PortKey key = new PortKey(switchName, label);
        boolean changed = failures.removeIf(e -> e.port().equals(key));
        changed |= breakers.remove(key) != null;
        if (changed) {
            save();
        }
    }

    synchronized void openBreaker(String switchName, String label, Instant until) {
        breakers.put(new PortKey(switchName, label), until);
        save();
    }

    /** Before a power-off is sent: from now on the port may be off. */
    synchronized void journalMaybeOff(String switchName, String label, Instant at) {
        PortKey key = new PortKey(switchName, label);
        if (!leftOff.containsKey(key)) {
            maybeOff.put(key, at);
            save();
        }
    }

    /** A power-off succeeded or a read-back said off: the port is off. */
    synchronized void journalOff(String switchName, String label, Instant at) {
        PortKey key = new PortKey(switchName, label);
        leftOff.put(key, maybeOff.getOrDefault(key, at));
        maybeOff.remove(key);
        save();
    }

    /** A power-on succeeded, a read-back said on, or the switch refused the power-off: the port is on. */
    synchronized void journalOn(String switchName, String label) {
        PortKey key = new PortKey(switchName, label);
        boolean changed = leftOff.remove(key) != null;
        changed |= maybeOff.remove(key) != null;
        if (changed) {
            save();
        }
    }

    /** Closes the breaker of a host by hand and forgets its failures (an operator fixed it). */
    public synchronized void resetBreaker(String switchName, String label) {
        clearFailures(switchName, label);
    }

    private static List<Instant> times(List<Event> events, PortKey key) {
        return events.stream().filter(e -> e.port().equals(key)).map(Event::at).toList();
    }

    private void prune(Instant now) {
        Instant horizon = now.minus(retention);
        actions.removeIf(e -> e.at().isBefore(horizon));
        failures.removeIf(e -> e.at().isBefore(horizon));
    }

    private void save() {
        if (file.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("# piha-poe safety ledger: kind epoch-millis switch label\n");
        actions.forEach(e -> line(text, "action", e.at(), e.port()));
        failures.forEach(e -> line(text, "failure", e.at(), e.port()));
        breakers.forEach((k, until) -> line(text, "breaker", until, k));
        leftOff.forEach((k, at) -> line(text, "off", at, k));
        maybeOff.forEach((k, at) -> line(text, "maybe-off", at, k));
        Path target = file.get();
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(StandardCharsets.UTF_8.encode(text.toString()));
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PoE safety ledger " + target, e);
        }
    }

    private static void line(StringBuilder text, String kind, Instant at, PortKey port) {
        text.append(kind).append(' ').append(at.toEpochMilli()).append(' ')
                .append(URLEncoder.encode(port.switchName(), StandardCharsets.UTF_8)).append(' ')
                .append(URLEncoder.encode(port.label(), StandardCharsets.UTF_8)).append('\n');
    }

    private void load(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PoE safety ledger " + path, e);
        }
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" ");
            try {
                Instant at = Instant.ofEpochMilli(Long.parseLong(f[1]));
                PortKey key = new PortKey(URLDecoder.decode(f[2], StandardCharsets.UTF_8),
                        URLDecoder.decode(f[3], StandardCharsets.UTF_8));
                switch (f[0]) {
                    case "action" -> actions.add(new Event(at, key));
                    case "failure" -> failures.add(new Event(at, key));
                    case "breaker" -> breakers.put(key, at);
                    case "off" -> leftOff.put(key, at);
                    case "maybe-off" -> maybeOff.put(key, at);
                    default -> throw new IllegalArgumentException("unknown kind '" + f[0] + "'");
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException("PoE safety ledger " + path + " line " + (n + 1)
                        + " is unreadable: '" + line + "' (" + e.getMessage() + "); fix or move the file, "
                        + "the layer will not guess", e);
            }
        }
    }
}
