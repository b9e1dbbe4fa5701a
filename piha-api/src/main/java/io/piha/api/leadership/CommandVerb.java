package io.piha.api.leadership;

import java.util.Locale;

/**
 * What a command asks for. The wire form is the plain-text payload of contract v1.
 *
 * @since 0.1
 */
public enum CommandVerb {
    /** Take leadership (or, for the arbiter, grant it). */
    PROMOTE("promote"),
    /** Give leadership up. */
    DEMOTE("demote"),
    /** Stop config sync and automatic promotion; explicit promotes still go through. */
    FREEZE("freeze"),
    /** Resume normal observation. */
    THAW("thaw");

    private final String wire;

    CommandVerb(String wire) {
        this.wire = wire;
    }

    /** The plain-text form published on the wire. */
    public String wire() {
        return wire;
    }

    /**
     * Parses the wire form, ignoring surrounding white space and case.
     *
     * @throws IllegalArgumentException naming the text if it is not a known command
     */
    public static CommandVerb fromWire(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (CommandVerb v : values()) {
            if (v.wire.equals(t)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown command '" + text
                + "': expected promote, demote, freeze or thaw");
    }
}
