package io.piha.service.config;

import java.util.List;

/**
 * A configuration file that cannot be used, with every problem found (not only the first), each naming its
 * key path and the bad value. Secrets appear as {@code ******}. Thrown at start, before anything runs.
 *
 * @since 0.1
 */
public final class ConfigException extends RuntimeException {

    private final String source;
    private final transient List<ConfigProblem> problems;

    /**
     * @param source the file or description of what was read
     * @param problems every problem found; at least one
     */
    public ConfigException(String source, List<ConfigProblem> problems) {
        super(message(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** What was read, e.g. the file name. */
    public String source() {
        return source;
    }

    /** Every problem found, in file order. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String message(String source, List<ConfigProblem> problems) {
        StringBuilder text = new StringBuilder().append(problems.size())
                .append(problems.size() == 1 ? " problem in " : " problems in ").append(source).append(':');
        problems.forEach(p -> text.append("\n  ").append(p));
        return text.toString();
    }
}
