package io.piha.runtime;

import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.core.arbiter.ArbiterState;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * What the control plane must remember across restarts: the leader, the epoch, the freeze, the last
 * failover and the command counter. Written atomically (temporary file, then rename), so a crash leaves
 * either the old or the new memory, never half of one. A restart resumes in the watching phase with the
 * watchdog restarted, so a restart never causes a failover by itself.
 */
public final class ArbiterMemory {

    private final Path file;

    /** Memory kept in {@code file}; its folder is created when first written. */
    public ArbiterMemory(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The file this memory lives in. */
    public Path file() {
        return file;
    }

    /**
     * The state to start from: resumed from the file, or fresh if there is none.
     *
     * @throws IllegalStateException naming the file and key if the file is unreadable or corrupt
     */
    public ArbiterState load(Instant now) {
        if (!Files.exists(file)) {
            return ArbiterState.startingUp(now);
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            Optional<HostId> leader = Optional.ofNullable(p.getProperty("leader")).filter(s -> !s.isBlank()).map(HostId::of);
            Epoch epoch = Epoch.of(Long.parseLong(p.getProperty("epoch", "0")));
            boolean frozen = Boolean.parseBoolean(p.getProperty("frozen", "false"));
            Optional<Instant> lastFailover = Optional.ofNullable(p.getProperty("lastFailover"))
                    .filter(s -> !s.isBlank()).map(Instant::parse);
            long seq = Long.parseLong(p.getProperty("commandSeq", "0"));
            return ArbiterState.resume(leader, epoch, frozen, lastFailover, seq, now);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the control plane's memory " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("corrupt control-plane memory " + file + ": " + e.getMessage()
                    + " (move the file away to start fresh; the epoch will then be re-learnt from the retained lease)", e);
        }
    }

    /** Whether {@code after} differs from {@code before} in anything remembered. */
    public static boolean differs(ArbiterState before, ArbiterState after) {
        return !before.leader().equals(after.leader()) || !before.epoch().equals(after.epoch())
                || before.frozen() != after.frozen() || !before.lastFailover().equals(after.lastFailover())
                || before.commandSeq() != after.commandSeq();
    }

    /** Writes the remembered part of {@code state} atomically. */
    public void save(ArbiterState state) {
        Properties p = new Properties();
        p.setProperty("leader", state.leader().map(HostId::value).orElse(""));
        p.setProperty("epoch", state.epoch().toString());
        p.setProperty("frozen", Boolean.toString(state.frozen()));
        p.setProperty("lastFailover", state.lastFailover().map(Instant::toString).orElse(""));
        p.setProperty("commandSeq", Long.toString(state.commandSeq()));
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "PiHA control-plane memory; do not edit while it runs");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the control plane's memory " + file, e);
        }
    }
}
