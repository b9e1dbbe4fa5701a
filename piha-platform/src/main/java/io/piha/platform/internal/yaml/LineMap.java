package io.piha.platform.internal.yaml;

import io.piha.platform.Location;

/**
 * Maps a 1-based line of a text being parsed to where it came from: the same line of a file, a line of an
 * enclosing file (a block scalar parsed again), or the template or values line a rendered chart line came from.
 */
@FunctionalInterface
public interface LineMap {

    /** Where line {@code line} (1-based) of the parsed text came from. */
    Location at(int line);

    /** Lines of the file at {@code path}, one for one. */
    static LineMap of(String path) {
        return line -> new Location(path, Math.max(line, 0));
    }

    /** The lines of a text that starts at line {@code firstLine} of this one. */
    default LineMap from(int firstLine) {
        LineMap outer = this;
        return line -> outer.at(firstLine + Math.max(line, 1) - 1);
    }
}
