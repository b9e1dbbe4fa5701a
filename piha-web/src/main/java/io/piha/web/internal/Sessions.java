package io.piha.web.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in memory, keyed by 256-bit random ids. A session unused for the idle time is forgotten; a login gets
 * a new id (so an id planted before login is worthless). Thread-safe.
 */
public final class Sessions {

    /** The cookie's name. */
    public static final String COOKIE = "piha_session";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idle;

    Sessions(Clock clock, Duration idle) {
        this.clock = clock;
        this.idle = idle;
    }

    /** The live session with this id, touched; expired ones are removed. */
    Optional<Session> find(String id) {
        Session s = byId.get(id);
        if (s == null) {
            return Optional.empty();
        }
        if (s.lastUsed().plus(idle).isBefore(clock.instant())) {
            byId.remove(id);
            return Optional.empty();
        }
        s.touch(clock.instant());
        return Optional.of(s);
    }

    /** A new, anonymous session. */
    Session create() {
        purge();
        Session s = new Session(token(), token(), clock.instant());
        byId.put(s.id(), s);
        return s;
    }

    /** A new session for the user, replacing {@code old} (its site choice is kept). */
    Session login(Session old, String user) {
        byId.remove(old.id());
        Session s = create();
        s.site(old.site());
        s.user(user);
        return s;
    }

    void remove(Session s) {
        byId.remove(s.id());
    }

    private void purge() {
        byId.values().removeIf(s -> s.lastUsed().plus(idle).isBefore(clock.instant()));
    }

    private static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
