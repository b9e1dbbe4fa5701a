package io.piha.core.explore;

import io.piha.core.arbiter.ArbiterState;
import io.piha.core.node.NodeState;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How {@link Fingerprint} walks a class, worked out once per class: a value kind, or a record and the getters of its
 * components in declared order, leaving out the counters that only make ids unique.
 *
 * @param kind what it is
 * @param tag the class's contribution to the hash
 * @param getters for a record, its components' getters
 */
record Shape(Shape.Kind kind, long tag, List<MethodHandle> getters) {

    /** What a value is, for the walk. */
    enum Kind { STRING, INSTANT, DURATION, ENUM, BOOLEAN, NUMBER, OPTIONAL, INBOX, LIST, SET, MAP, RECORD }

    /** Counted relative to their current value through the ids they make (see {@link Fingerprint}). */
    private static final Map<Class<?>, Set<String>> COUNTERS = Map.of(ArbiterState.class, Set.of("commandSeq"),
            NodeState.class, Set.of("session", "nextHeartbeat"));

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            long tag = type.getName().hashCode();
            if (type.isRecord() && !World.Inbox.class.equals(type)) {
                return new Shape(Kind.RECORD, tag, getters(type));
            }
            for (Kind k : Kind.values()) {
                if (k != Kind.RECORD && javaType(k).isAssignableFrom(type)) {
                    return new Shape(k, k == Kind.ENUM ? enumTag(type) : tag, List.of());
                }
            }
            throw new IllegalArgumentException("cannot fingerprint a " + type.getName());
        }
    };

    static Shape of(Class<?> type) {
        return SHAPES.get(type);
    }

    private static Class<?> javaType(Kind k) {
        return switch (k) {
            case STRING -> String.class;
            case INSTANT -> Instant.class;
            case DURATION -> Duration.class;
            case ENUM -> Enum.class;
            case BOOLEAN -> Boolean.class;
            case NUMBER -> Number.class;
            case OPTIONAL -> Optional.class;
            case INBOX -> World.Inbox.class;
            case LIST -> List.class;
            case SET -> Set.class;
            case MAP -> Map.class;
            case RECORD -> Record.class;
        };
    }

    private static long enumTag(Class<?> type) {
        Class<?> declaring = type.isEnum() ? type : type.getSuperclass();
        return declaring.getName().hashCode();
    }

    private static List<MethodHandle> getters(Class<?> type) {
        Set<String> skip = COUNTERS.getOrDefault(type, Set.of());
        List<MethodHandle> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (skip.contains(c.getName())) {
                continue;
            }
            Method m = c.getAccessor();
            m.setAccessible(true);
            try {
                out.add(MethodHandles.lookup().unreflect(m).asType(MethodType.methodType(Object.class, Object.class)));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + m, e);
            }
        }
        return List.copyOf(out);
    }
}
