package io.piha.core.explore;

import io.piha.core.arbiter.ArbiterPolicy;
import java.lang.invoke.MethodHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A canonical 128-bit fingerprint of a whole {@link World}, so that equal situations collapse into one: records are
 * walked component by component (their declared order), every {@link Instant} counts as its offset from the world's
 * {@code now} (also inside text), in-flight messages and maps count as multisets, and the counters that only make ids
 * unique (heartbeat sequence numbers and agent sessions, the arbiter's command sequence) count relative to their
 * current value. Two worlds that differ only by when they happen, or by how many heartbeats were sent before, are
 * the same situation. The hash of each larger part (the arbiter's state, a host, a message in flight) is remembered
 * by identity for the context it was computed in (the same {@code now} and counters), since a transition changes few
 * parts and shares the others with the world before. Not thread-safe: one instance per search.
 */
final class Fingerprint {

    /**
     * The fingerprint: two independent 64-bit hashes of the canonical walk.
     *
     * @param high the first hash
     * @param low the second hash
     */
    record Key(long high, long low) {
    }

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    private static final long SEED_A = 0x243F6A8885A308D3L;
    private static final long SEED_B = 0x13198A2E03707344L;
    /** Records this big are worth remembering; smaller ones (ids, epochs, wrappers) are cheaper to hash again. */
    private static final int CACHED_FROM = 4;
    private static final int CACHE_LIMIT = 50_000;
    private static final int CONTEXTS = 16;

    /** What the relative values of a world are counted from: its time and its id counters. */
    private record Context(Instant now, int primarySession, int standbySession, long primaryNext, long standbyNext,
                           long commandSeq) {
    }

    private final String commandPrefix;
    private final Map<Context, Map<Object, long[]>> parts = new LinkedHashMap<>(32, 0.75f, true);
    private Context context;
    private Map<Object, long[]> cache;
    private String[] heartbeatPrefixes;
    private long a;
    private long b;

    /** A fingerprinter for the worlds of {@code policy}'s home. */
    Fingerprint(ArbiterPolicy policy) {
        commandPrefix = policy.service().value() + "-" + policy.actor() + "-";
    }

    /** The fingerprint of {@code w} with a fingerprinter of its own. */
    static Key of(World w, ArbiterPolicy policy) {
        return new Fingerprint(policy).of(w);
    }

    /** The fingerprint of {@code w}. */
    Key of(World w) {
        World.Host p = w.host(0);
        World.Host s = w.host(1);
        heartbeatPrefixes = new String[] {p.id().value() + "-s", s.id().value() + "-s"};
        context = new Context(w.now(), p.session(), s.session(), p.node().nextHeartbeat(), s.node().nextHeartbeat(),
                w.arbiter().commandSeq());
        cache = parts.computeIfAbsent(context, c -> new IdentityHashMap<>(4096));
        if (cache.size() > CACHE_LIMIT) {
            cache.clear();
        }
        if (parts.size() > CONTEXTS) {
            parts.remove(parts.keySet().iterator().next());
        }
        a = SEED_A;
        b = SEED_B;
        fields(Shape.of(World.class), w);
        return new Key(a, b);
    }

    private void mix(long v) {
        a = Long.rotateLeft((a ^ fmix(v)) * 0x9E3779B97F4A7C15L, 31);
        b = Long.rotateLeft((b + fmix(v ^ 0xC2B2AE3D27D4EB4FL)) * 0x165667B19E3779F9L, 27);
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k;
    }

    private void walk(Object o) {
        if (o == null) {
            mix(1);
            return;
        }
        Shape shape = Shape.of(o.getClass());
        switch (shape.kind()) {
            case STRING -> string((String) o);
            case INSTANT -> instant((Instant) o);
            case DURATION -> mix(((Duration) o).toNanos());
            case ENUM -> mix(shape.tag() * 31 + ((Enum<?>) o).ordinal());
            case BOOLEAN -> mix((Boolean) o ? 5 : 4);
            case NUMBER -> mix(((Number) o).longValue());
            case OPTIONAL -> {
                mix(7);
                walk(((Optional<?>) o).orElse(null));
            }
            case INBOX -> multiset(8, ((World.Inbox<?>) o).items());
            case LIST -> list((List<?>) o);
            case SET -> multiset(10, (Set<?>) o);
            case MAP -> map((Map<?, ?>) o);
            case RECORD -> record(shape, o);
        }
    }

    /** An instant, as its offset from now. */
    private void instant(Instant t) {
        mix((t.getEpochSecond() - context.now().getEpochSecond()) * 1_000_000_000L + t.getNano()
                - context.now().getNano());
    }

    private void list(List<?> list) {
        mix(9 + 31L * list.size());
        for (Object item : list) {
            walk(item);
        }
    }

    private void record(Shape shape, Object o) {
        if (shape.getters().size() < CACHED_FROM) {
            fields(shape, o);
            return;
        }
        long[] known = cache.get(o);
        if (known == null) {
            long saveA = a;
            long saveB = b;
            a = SEED_A;
            b = SEED_B;
            fields(shape, o);
            known = new long[] {a, b};
            cache.put(o, known);
            a = saveA;
            b = saveB;
        }
        mix(known[0]);
        mix(known[1]);
    }

    private void fields(Shape shape, Object o) {
        mix(shape.tag());
        try {
            for (MethodHandle getter : shape.getters()) {
                walk((Object) getter.invokeExact(o));
            }
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read a " + o.getClass().getName(), e);
        }
    }

    /** Elements in any order: each hashed alone, the hashes sorted. */
    private void multiset(long tag, Collection<?> items) {
        long[][] hashes = new long[items.size()][];
        int i = 0;
        for (Object item : items) {
            hashes[i++] = alone(item, null);
        }
        mixSorted(tag, hashes);
    }

    private void map(Map<?, ?> map) {
        long[][] hashes = new long[map.size()][];
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            hashes[i++] = alone(e.getKey(), e.getValue());
        }
        mixSorted(11, hashes);
    }

    private long[] alone(Object first, Object second) {
        long saveA = a;
        long saveB = b;
        a = SEED_A;
        b = SEED_B;
        walk(first);
        if (second != null) {
            walk(second);
        }
        long[] out = {a, b};
        a = saveA;
        b = saveB;
        return out;
    }

    private void mixSorted(long tag, long[][] hashes) {
        Arrays.sort(hashes, (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        mix(tag + 31L * hashes.length);
        for (long[] h : hashes) {
            mix(h[0]);
            mix(h[1]);
        }
    }

    private void string(String s) {
        if (renamedHeartbeat(s) || renamedCommand(s)) {
            return;
        }
        String text = s;
        if (s.indexOf('Z') > 0 && s.indexOf(':') > 0) {
            Matcher m = INSTANT.matcher(s);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, "@" + Duration.between(context.now(), Instant.parse(m.group())).toMillis() + "ms");
            }
            m.appendTail(out);
            text = out.toString();
        }
        long h = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        mix(12 + 31L * text.length());
        mix(h);
    }

    /** A heartbeat id {@code <host>-s<session>-<seq>}: counted from the host's current session and sequence. */
    private boolean renamedHeartbeat(String s) {
        for (int i = 0; i < heartbeatPrefixes.length; i++) {
            if (s.startsWith(heartbeatPrefixes[i])) {
                String rest = s.substring(heartbeatPrefixes[i].length());
                int dash = rest.indexOf('-');
                try {
                    int current = i == 0 ? context.primarySession() : context.standbySession();
                    int session = current - Integer.parseInt(rest.substring(0, dash));
                    long seq = Long.parseLong(rest.substring(dash + 1));
                    long next = i == 0 ? context.primaryNext() : context.standbyNext();
                    mix(13 + 31L * i);
                    mix(session);
                    mix(session == 0 ? next - seq : seq);
                    return true;
                } catch (RuntimeException notAnId) {
                    return false;
                }
            }
        }
        return false;
    }

    /** The arbiter's command id {@code <service>-<actor>-<seq>}: counted from its current sequence. */
    private boolean renamedCommand(String s) {
        if (!s.startsWith(commandPrefix)) {
            return false;
        }
        try {
            long seq = Long.parseLong(s.substring(commandPrefix.length()));
            mix(14);
            mix(context.commandSeq() - seq);
            return true;
        } catch (NumberFormatException notAnId) {
            return false;
        }
    }
}
