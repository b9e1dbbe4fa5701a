package io.piha.sync.internal;

import java.util.regex.Pattern;

/**
 * A path glob over Git paths ({@code /}-separated, relative to the repository root): {@code **} matches any
 * number of directories (including none when followed by {@code /}), {@code *} anything but {@code /},
 * {@code ?} one character but {@code /}.
 */
public record Glob(String pattern, Pattern regex) {

    /** @throws IllegalArgumentException if the pattern is blank or absolute */
    public static Glob of(String pattern) {
        if (pattern.isBlank() || pattern.startsWith("/")) {
            throw new IllegalArgumentException("invalid path glob '" + pattern
                    + "': use a non-blank path relative to the repository root, e.g. .storage/**");
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (pattern.startsWith("**/", i)) {
                re.append("(?:.*/)?");
                i += 2;
            } else if (pattern.startsWith("**", i)) {
                re.append(".*");
                i += 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new Glob(pattern, Pattern.compile(re.toString()));
    }

    /** Whether {@code path} matches. */
    public boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
