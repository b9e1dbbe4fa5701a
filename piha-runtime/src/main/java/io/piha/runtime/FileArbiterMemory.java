package io.piha.runtime;

import io.piha.api.leadership.Command;
import io.piha.api.leadership.CommandVerb;
import io.piha.api.leadership.Epoch;
import io.piha.api.leadership.HostId;
import io.piha.api.leadership.ParticipantKind;
import io.piha.core.arbiter.ArbiterState;
import io.piha.core.arbiter.Grant;
import io.piha.core.arbiter.Phase;
import io.piha.api.io.DurableFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * {@link ArbiterMemory} in a small text file of {@code key=value} lines (Java properties syntax) ending in a SHA-256
 * checksum of everything before it. A file that is empty, cut short, edited or of an unknown format is refused with
 * a message naming the file and the way back; a file written by PiHA 0.1 (no format line, no checksum) is read if it
 * holds all of its five keys.
 *
 * <p>Writes go through {@link DurableFiles#replace}: a uniquely named temporary file, forced to disk, renamed over
 * the old one, and the folder forced, so a power cut leaves the old memory or the new one.
 */
final class FileArbiterMemory implements ArbiterMemory {

    static final int FORMAT = 2;
    private static final String CHECKSUM = "checksum=sha256:";
    private static final String REBUILD = "piha control-plane rebuild-memory --config <control-plane.yaml>";

    private final Path file;

    FileArbiterMemory(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public ArbiterState load(Instant now) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return ArbiterState.startingUp(now);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the control plane's memory " + file + ": " + e.getMessage(), e);
        }
        try {
            return read(decode(bytes)).resume(now);
        } catch (BadMemory e) {
            throw unreadable(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw unreadable("holds a value that makes no sense (" + e.getMessage() + ")", e);
        }
    }

    private UnreadableMemoryException unreadable(String what, Exception cause) {
        return new UnreadableMemoryException("the control plane's memory " + file + " " + what
                + ", so it cannot be trusted and the control plane does not start", "rebuild it from the retained lease "
                + "on the broker with '" + REBUILD + "' (the bad file is kept beside it)", cause);
    }

    @Override
    public void save(ArbiterState state) {
        try {
            DurableFiles.replace(file, write(state.remembered()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the control plane's memory " + file + ": " + e, e);
        }
    }

    // ---------------------------------------------------------------------------------------------- format

    static String write(ArbiterState.Remembered r) {
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put("format", Integer.toString(FORMAT));
        kv.put("leader", r.leader().map(HostId::value).orElse(""));
        kv.put("epoch", Long.toString(r.epoch().value()));
        kv.put("frozen", Boolean.toString(r.frozen()));
        kv.put("last_failover", r.lastFailover().map(Instant::toString).orElse(""));
        kv.put("command_seq", Long.toString(r.commandSeq()));
        int i = 0;
        for (Map.Entry<HostId, ParticipantKind> e : new java.util.TreeMap<>(r.kinds()).entrySet()) {
            kv.put("host." + i + ".id", e.getKey().value());
            kv.put("host." + i++ + ".kind", e.getValue().wire());
        }
        for (int c = 0; c < r.commandIds().size(); c++) {
            kv.put("seen." + c, r.commandIds().get(c));
        }
        writePhase(r.phase(), kv);
        StringBuilder body = new StringBuilder("# PiHA control-plane memory. Do not edit: the checksum line guards it.\n"
                + "# To rebuild it from the broker: " + REBUILD + "\n");
        kv.forEach((k, v) -> body.append(k).append('=').append(escape(v)).append('\n'));
        return body + CHECKSUM + sha256(body.toString()) + "\n";
    }

    private static void writePhase(Phase p, Map<String, String> kv) {
        kv.put("phase", p.label());
        if (p instanceof Phase.Fencing f) {
            kv.put("phase.suspect", f.suspect().value());
            kv.put("phase.since", f.since().toString());
            writeGrant(f.grant(), kv);
        } else if (p instanceof Phase.Demoting d) {
            kv.put("phase.from", d.from().value());
            kv.put("phase.demote_id", d.demoteId());
            kv.put("phase.deadline", d.deadline().toString());
            writeGrant(d.grant(), kv);
        } else if (p instanceof Phase.AwaitingLeaseExpiry a) {
            kv.put("phase.from", a.from().value());
            kv.put("phase.until", a.until().toString());
            writeGrant(a.grant(), kv);
        } else if (p instanceof Phase.AwaitingLeader a) {
            kv.put("phase.candidate", a.candidate().value());
            kv.put("phase.epoch", Long.toString(a.epoch().value()));
            kv.put("phase.deadline", a.deadline().toString());
            kv.put("phase.attempts", Integer.toString(a.attempts()));
            writeCommand(a.promote(), kv);
        } else if (p instanceof Phase.HandingBack h) {
            kv.put("phase.from", h.from().value());
            kv.put("phase.to", h.to().value());
            kv.put("phase.retry_at", h.retryAt().toString());
            writeGrant(h.grant(), kv);
        } else if (p instanceof Phase.Blocked b) {
            kv.put("phase.suspect", b.suspect().value());
            kv.put("phase.reason", b.reason());
            kv.put("phase.retry_at", b.retryAt().map(Instant::toString).orElse(""));
            b.pending().ifPresent(g -> writeGrant(g, kv));
        }
    }

    private static void writeGrant(Grant g, Map<String, String> kv) {
        kv.put("grant.candidate", g.candidate().value());
        kv.put("grant.reason", g.reason());
        kv.put("grant.automatic", Boolean.toString(g.automatic()));
        kv.put("grant.command_id", g.commandId().orElse(""));
        kv.put("grant.hand_back", Boolean.toString(g.handBack()));
    }

    private static void writeCommand(Command c, Map<String, String> kv) {
        kv.put("promote.verb", c.verb().wire());
        kv.put("promote.id", c.id().orElse(""));
        kv.put("promote.target", c.target().map(HostId::value).orElse(""));
        kv.put("promote.epoch", c.epoch().map(e -> Long.toString(e.value())).orElse(""));
        kv.put("promote.reason", c.reason().orElse(""));
        kv.put("promote.actor", c.actor().orElse(""));
        kv.put("promote.issued_at", c.issuedAt().map(Instant::toString).orElse(""));
        kv.put("promote.expires_at", c.expiresAt().map(Instant::toString).orElse(""));
        kv.put("promote.confirmed_off", c.confirmedOff().map(HostId::value).orElse(""));
    }

    static ArbiterState.Remembered read(String text) {
        if (text.isBlank()) {
            throw new BadMemory("is empty (" + text.length() + " bytes), as a crash during a write on a disk that "
                    + "does not keep its promises leaves it");
        }
        int at = text.lastIndexOf(CHECKSUM);
        boolean legacy = at < 0 && !text.contains("\nformat=") && !text.startsWith("format=");
        if (legacy) {
            return readLegacy(properties(text));
        }
        if (at < 0 || (at > 0 && text.charAt(at - 1) != '\n')) {
            throw new BadMemory("is cut short: it has no checksum line");
        }
        String body = text.substring(0, at);
        String expected = text.substring(at + CHECKSUM.length()).strip();
        if (!sha256(body).equals(expected)) {
            throw new BadMemory("does not match its checksum: it was edited or damaged");
        }
        Fields f = new Fields(properties(body));
        int format = f.required("format", Integer::parseInt);
        if (format != FORMAT) {
            throw new BadMemory("has format " + format + ", which this PiHA does not know (it reads format " + FORMAT
                    + "); was it written by a newer PiHA?");
        }
        Map<HostId, ParticipantKind> kinds = new HashMap<>();
        for (int i = 0; f.has("host." + i + ".id"); i++) {
            kinds.put(f.required("host." + i + ".id", HostId::of),
                    f.required("host." + i + ".kind", s -> ParticipantKind.valueOf(s.toUpperCase(Locale.ROOT))));
        }
        List<String> seen = new ArrayList<>();
        for (int i = 0; f.has("seen." + i); i++) {
            seen.add(f.required("seen." + i, Function.identity()));
        }
        return new ArbiterState.Remembered(f.optional("leader", HostId::of), f.required("epoch", FileArbiterMemory::epoch),
                f.required("frozen", FileArbiterMemory::bool), f.optional("last_failover", Instant::parse),
                f.required("command_seq", Long::parseLong), kinds, readPhase(f), seen);
    }

    private static ArbiterState.Remembered readLegacy(Properties p) {
        Fields f = new Fields(p);
        for (String key : List.of("leader", "epoch", "frozen", "lastFailover", "commandSeq")) {
            if (!p.containsKey(key)) {
                throw new BadMemory("is cut short: it has no checksum line and no '" + key + "'");
            }
        }
        return new ArbiterState.Remembered(f.optional("leader", HostId::of), f.required("epoch", FileArbiterMemory::epoch),
                f.required("frozen", FileArbiterMemory::bool), f.optional("lastFailover", Instant::parse),
                f.required("commandSeq", Long::parseLong), Map.of(), new Phase.Watching(), List.of());
    }

    private static Phase readPhase(Fields f) {
        String label = f.required("phase", Function.identity());
        switch (label) {
            case "watching":
                return new Phase.Watching();
            case "fencing":
                return new Phase.Fencing(f.required("phase.suspect", HostId::of), readGrant(f),
                        f.required("phase.since", Instant::parse));
            case "demoting":
                return new Phase.Demoting(f.required("phase.from", HostId::of), readGrant(f),
                        f.required("phase.demote_id", Function.identity()), f.required("phase.deadline", Instant::parse));
            case "awaiting_lease_expiry":
                return new Phase.AwaitingLeaseExpiry(f.required("phase.from", HostId::of), readGrant(f),
                        f.required("phase.until", Instant::parse));
            case "awaiting_leader":
                return new Phase.AwaitingLeader(f.required("phase.candidate", HostId::of),
                        f.required("phase.epoch", FileArbiterMemory::epoch), readCommand(f),
                        f.required("phase.deadline", Instant::parse), f.required("phase.attempts", Integer::parseInt));
            case "handing_back":
                return new Phase.HandingBack(f.required("phase.from", HostId::of), f.required("phase.to", HostId::of),
                        f.required("phase.retry_at", Instant::parse), readGrant(f));
            case "blocked":
                return new Phase.Blocked(f.required("phase.suspect", HostId::of), f.required("phase.reason",
                        Function.identity()), f.optional("phase.retry_at", Instant::parse),
                        f.has("grant.candidate") ? Optional.of(readGrant(f)) : Optional.empty());
            default:
                throw new BadMemory("names phase '" + label + "', which does not survive a restart");
        }
    }

    private static Grant readGrant(Fields f) {
        return new Grant(f.required("grant.candidate", HostId::of), f.required("grant.reason", Function.identity()),
                f.required("grant.automatic", FileArbiterMemory::bool), f.optional("grant.command_id", Function.identity()),
                f.required("grant.hand_back", FileArbiterMemory::bool));
    }

    private static Command readCommand(Fields f) {
        CommandVerb verb = f.required("promote.verb", CommandVerb::fromWire);
        Optional<String> id = f.optional("promote.id", Function.identity());
        if (id.isEmpty()) {
            return Command.plain(verb);
        }
        Command.Builder b = Command.envelope(verb, id.get());
        f.optional("promote.target", HostId::of).ifPresent(b::target);
        f.optional("promote.epoch", FileArbiterMemory::epoch).ifPresent(b::epoch);
        f.optional("promote.reason", Function.identity()).ifPresent(b::reason);
        f.optional("promote.actor", Function.identity()).ifPresent(b::actor);
        Optional<Instant> issued = f.optional("promote.issued_at", Instant::parse);
        Optional<Instant> expires = f.optional("promote.expires_at", Instant::parse);
        if (issued.isPresent() && expires.isPresent()) {
            b.validBetween(issued.get(), expires.get());
        }
        f.optional("promote.confirmed_off", HostId::of).ifPresent(b::confirmedOff);
        return b.build();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static Epoch epoch(String s) {
        return Epoch.of(Long.parseLong(s));
    }

    private static boolean bool(String s) {
        if (!s.equals("true") && !s.equals("false")) {
            throw new IllegalArgumentException("'" + s + "' is not true or false");
        }
        return Boolean.parseBoolean(s);
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadMemory("is not text (" + bytes.length + " bytes that are not UTF-8)");
        }
    }

    private static Properties properties(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new BadMemory("is not in key=value form (" + e.getMessage() + ")");
        }
        return p;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Escapes a value for a properties line: backslashes, line breaks, leading blanks, non-ASCII. */
    private static String escape(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\') {
                sb.append("\\\\");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == ' ' && i == 0) {
                sb.append("\\ ");
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The keys of a memory file, with errors naming the key. */
    private record Fields(Properties p) {
        boolean has(String key) {
            return p.containsKey(key);
        }

        <T> T required(String key, Function<String, T> parse) {
            String v = p.getProperty(key);
            if (v == null || v.isEmpty()) {
                throw new BadMemory("has no '" + key + "'");
            }
            return parse(key, v, parse);
        }

        <T> Optional<T> optional(String key, Function<String, T> parse) {
            String v = p.getProperty(key, "");
            return v.isEmpty() ? Optional.empty() : Optional.of(parse(key, v, parse));
        }

        private static <T> T parse(String key, String v, Function<String, T> parse) {
            try {
                return parse.apply(v);
            } catch (RuntimeException e) {
                throw new BadMemory("has '" + key + "' = '" + v + "', which is not valid: " + e.getMessage());
            }
        }
    }

    /** Why a memory file cannot be trusted; becomes an {@link UnreadableMemoryException} naming the file. */
    private static final class BadMemory extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadMemory(String message) {
            super(message, null, false, false);
        }
    }
}
