package io.piha.web.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One browser's state: who logged in, the CSRF token of its forms, the site it is looking at, a message for the
 * next page. Guarded by its own monitor: a browser sends requests in parallel.
 */
public final class Session {

    private final String id;
    private final String csrfToken;
    private Optional<String> user = Optional.empty();
    private Optional<UUID> site = Optional.empty();
    private Optional<String> flash = Optional.empty();
    private Instant lastUsed;

    Session(String id, String csrfToken, Instant now) {
        this.id = id;
        this.csrfToken = csrfToken;
        this.lastUsed = now;
    }

    String id() {
        return id;
    }

    /** The token every form and htmx request of this session must carry. */
    public String csrfToken() {
        return csrfToken;
    }

    /** The logged-in user, if any. */
    public synchronized Optional<String> user() {
        return user;
    }

    synchronized void user(String value) {
        user = Optional.of(value);
    }

    /** The selected site; empty for every site. */
    public synchronized Optional<UUID> site() {
        return site;
    }

    /** Selects a site (empty: every site). */
    public synchronized void site(Optional<UUID> value) {
        site = value;
    }

    /** Leaves a message for the next page. */
    public synchronized void flash(String message) {
        flash = Optional.of(message);
    }

    /** Takes the message left for this page. */
    public synchronized Optional<String> takeFlash() {
        Optional<String> out = flash;
        flash = Optional.empty();
        return out;
    }

    synchronized Instant lastUsed() {
        return lastUsed;
    }

    synchronized void touch(Instant now) {
        lastUsed = now;
    }
}
