package io.piha.poe.safety;

import io.piha.api.recovery.GuardedPort;
import io.piha.api.io.DurableFiles;
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
 * and those that may be off (a power-off was about to be sent, or went unanswered), and the ports held off on purpose
 * (fenced), which are never restored. Kept in a file, so a control plane in a restart loop still sees its cooldowns
 * and cannot become a power-cycle loop.
 *
 * <p>Every read and change takes the file's lock and reads the file first ({@link DurableFiles#exclusively}), so
 * two processes (the control plane and {@code piha reset-host}) sharing the file never lose each other's entries;
 * every change is written durably ({@link DurableFiles#replace}: unique temporary file, fsync, rename, fsync of the
 * folder).
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
    private final Map<PortKey, Instant> heldOff = new HashMap<>();

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
        ledger.read(() -> null); // a bad file is refused now, at start, not at the first power action
        return ledger;
    }

    /** A port on a switch. */
    record PortKey(String switchName, String label) {
    }

    private record Event(Instant at, PortKey port) {
    }

    synchronized List<Instant> actions(String switchName, String label) {
        return read(() -> times(actions, new PortKey(switchName, label)));
    }

    synchronized long actionsSince(Instant since, Optional<String> switchName) {
        return read(() -> actions.stream().filter(e -> !e.at().isBefore(since))
                .filter(e -> switchName.map(e.port().switchName()::equals).orElse(true)).count());
    }

    synchronized List<Instant> failures(String switchName, String label) {
        return read(() -> times(failures, new PortKey(switchName, label)));
    }

    synchronized Optional<Instant> breakerOpenUntil(String switchName, String label) {
        return read(() -> Optional.ofNullable(breakers.get(new PortKey(switchName, label))));
    }

    /** The ports of {@code switchName} observed off by an interrupted cycle and not yet back on, with when. */
    public synchronized Map<String, Instant> leftOff(String switchName) {
        return read(() -> of(leftOff, switchName));
    }

    /** The ports of {@code switchName} that may be off: an off was sent but never confirmed nor undone. */
    public synchronized Map<String, Instant> maybeOff(String switchName) {
        return read(() -> of(maybeOff, switchName));
    }

    /**
     * The ports of {@code switchName} switched off on purpose (a fence, {@code piha poe off}) and not since back on:
     * never restored at start-up, whatever an earlier interrupted cycle journalled.
     */
    public synchronized Map<String, Instant> heldOff(String switchName) {
        return read(() -> of(heldOff, switchName));
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
        write(() -> {
            actions.add(new Event(at, new PortKey(switchName, label)));
            prune(at);
        });
    }

    synchronized void recordFailure(String switchName, String label, Instant at) {
        write(() -> {
            failures.add(new Event(at, new PortKey(switchName, label)));
            prune(at);
        });
    }

    synchronized void clearFailures(String switchName, String label) {
        PortKey key = new PortKey(switchName, label);
        write(() -> {
            failures.removeIf(e -> e.port().equals(key));
            breakers.remove(key);
        });
    }

    synchronized void openBreaker(String switchName, String label, Instant until) {
        write(() -> breakers.put(new PortKey(switchName, label), until));
    }

    /** Before a power-off of a cycle is sent: from now on the port may be off. */
    synchronized void journalMaybeOff(String switchName, String label, Instant at) {
        PortKey key = new PortKey(switchName, label);
        write(() -> {
            if (!leftOff.containsKey(key) && !heldOff.containsKey(key)) {
                maybeOff.put(key, at);
            }
        });
    }

    /** A power-off of a cycle succeeded or a read-back said off: the port is off, to be restored. */
    synchronized void journalOff(String switchName, String label, Instant at) {
        PortKey key = new PortKey(switchName, label);
        write(() -> {
            if (!heldOff.containsKey(key)) {
                leftOff.put(key, maybeOff.getOrDefault(key, at));
            }
            maybeOff.remove(key);
        });
    }

    /**
     * Before a deliberate power-off (a fence, an operator's off) is sent: the port is to stay off. Whatever an
     * interrupted cycle journalled for it is forgotten, so a fenced host is never powered back on at start-up.
     */
    synchronized void journalHeldOff(String switchName, String label, Instant at) {
        PortKey key = new PortKey(switchName, label);
        write(() -> {
            leftOff.remove(key);
            maybeOff.remove(key);
            heldOff.putIfAbsent(key, at);
        });
    }

    /** A power-on succeeded, a read-back said on, or the switch refused the power-off: the port is on. */
    synchronized void journalOn(String switchName, String label) {
        PortKey key = new PortKey(switchName, label);
        write(() -> {
            leftOff.remove(key);
            maybeOff.remove(key);
            heldOff.remove(key);
        });
    }

    /**
     * The ports of one switch as the ledger has them at {@code now}, read at once (one lock, one read of the file):
     * for status pages, never for decisions.
     */
    synchronized SwitchView view(io.piha.api.recovery.PortMap map, SafetyConfig config, Instant now) {
        return read(() -> {
            List<GuardedPort> ports = new ArrayList<>();
            new java.util.TreeSet<>(map.ports().keySet()).forEach(label -> ports.add(port(map, config, label, now)));
            long recent = actions.stream().filter(e -> e.port().switchName().equals(map.switchName()))
                    .filter(e -> !e.at().isBefore(now.minus(config.rateWindow()))).count();
            return new SwitchView(map.switchName(), ports, recent, config.perSwitchLimit(), config.rateWindow(),
                    config.dryRun());
        });
    }

    private GuardedPort port(io.piha.api.recovery.PortMap map, SafetyConfig config, String label, Instant now) {
        PortKey key = new PortKey(map.switchName(), label);
        List<Instant> past = times(actions, key);
        Optional<Instant> last = past.isEmpty() ? Optional.empty() : Optional.of(past.get(past.size() - 1));
        Optional<Instant> cooldown = last.map(t -> t.plus(config.portCooldown())).filter(now::isBefore);
        Optional<Instant> breaker = Optional.ofNullable(breakers.get(key)).filter(now::isBefore);
        int failed = (int) times(failures, key).stream().filter(t -> !t.isBefore(now.minus(config.breakerWindow()))).count();
        Optional<GuardedPort.Off> off = heldOff.containsKey(key) ? Optional.of(GuardedPort.Off.HELD_OFF)
                : leftOff.containsKey(key) ? Optional.of(GuardedPort.Off.LEFT_OFF)
                : maybeOff.containsKey(key) ? Optional.of(GuardedPort.Off.MAYBE_OFF) : Optional.empty();
        Optional<Instant> since = off.map(o -> switch (o) {
            case HELD_OFF -> heldOff.get(key);
            case LEFT_OFF -> leftOff.get(key);
            case MAYBE_OFF -> maybeOff.get(key);
        });
        return new GuardedPort(label, map.isProtected(label) || config.protectedLabels().contains(label), last,
                cooldown, breaker, failed, off, since);
    }

    /** Closes the breaker of a host by hand and forgets its failures (an operator fixed it). */
    public synchronized void resetBreaker(String switchName, String label) {
        clearFailures(switchName, label);
    }

    /**
     * Reads under the file's lock, from the file as it is now: another process (the CLI beside the control plane)
     * may have changed it.
     */
    private <T> T read(java.util.function.Supplier<T> query) {
        return transact(false, query);
    }

    private void write(Runnable change) {
        transact(true, () -> {
            change.run();
            return null;
        });
    }

    private <T> T transact(boolean write, java.util.function.Supplier<T> op) {
        if (file.isEmpty()) {
            return op.get();
        }
        Path target = file.get();
        try {
            return DurableFiles.exclusively(target, () -> {
                reload(target);
                T result = op.get();
                if (write) {
                    DurableFiles.replace(target, text());
                }
                return result;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot " + (write ? "write" : "read") + " the PoE safety ledger " + target
                    + ": " + e.getMessage(), e);
        }
    }

    private static List<Instant> times(List<Event> events, PortKey key) {
        return events.stream().filter(e -> e.port().equals(key)).map(Event::at).toList();
    }

    private void prune(Instant now) {
        Instant horizon = now.minus(retention);
        actions.removeIf(e -> e.at().isBefore(horizon));
        failures.removeIf(e -> e.at().isBefore(horizon));
    }

    private String text() {
        StringBuilder text = new StringBuilder("# piha-poe safety ledger: kind epoch-millis switch label\n");
        actions.forEach(e -> line(text, "action", e.at(), e.port()));
        failures.forEach(e -> line(text, "failure", e.at(), e.port()));
        breakers.forEach((k, until) -> line(text, "breaker", until, k));
        leftOff.forEach((k, at) -> line(text, "off", at, k));
        maybeOff.forEach((k, at) -> line(text, "maybe-off", at, k));
        heldOff.forEach((k, at) -> line(text, "held-off", at, k));
        return text.toString();
    }

    private static void line(StringBuilder text, String kind, Instant at, PortKey port) {
        text.append(kind).append(' ').append(at.toEpochMilli()).append(' ')
                .append(URLEncoder.encode(port.switchName(), StandardCharsets.UTF_8)).append(' ')
                .append(URLEncoder.encode(port.label(), StandardCharsets.UTF_8)).append('\n');
    }

    private void reload(Path path) throws IOException {
        actions.clear();
        failures.clear();
        breakers.clear();
        leftOff.clear();
        maybeOff.clear();
        heldOff.clear();
        if (Files.exists(path)) {
            load(path, Files.readAllLines(path, StandardCharsets.UTF_8));
        }
    }

    private void load(Path path, List<String> lines) {
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
                    case "held-off" -> heldOff.put(key, at);
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
