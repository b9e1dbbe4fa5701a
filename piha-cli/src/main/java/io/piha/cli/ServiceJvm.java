package io.piha.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The small-footprint JVM flags of the long-running services ({@code piha control-plane}, {@code piha agent}): one
 * list, {@code io/piha/cli/service-jvm.options}, which the {@code ./piha} launcher passes by default (unless
 * {@code PIHA_JAVA_OPTS} is set) and which {@code piha bench} measures.
 */
public final class ServiceJvm {

    /** Where the list lives, in the jar and under {@code piha-cli/src/main/resources}. */
    public static final String RESOURCE = "/io/piha/cli/service-jvm.options";

    private ServiceJvm() {
    }

    /**
     * The flags, in file order, without comments and blank lines.
     *
     * @throws UncheckedIOException if the list is missing from the classpath
     */
    public static List<String> flags() {
        try (InputStream in = ServiceJvm.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service JVM flags", e);
        }
    }

    /** The flags of a list's text: one a line, {@code #} starts a comment. */
    static List<String> parse(String text) {
        return text.lines().map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty()).toList();
    }
}
