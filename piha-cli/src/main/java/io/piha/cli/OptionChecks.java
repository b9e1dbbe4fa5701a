package io.piha.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Range checks for numeric options, made before a command sends or starts anything. A refusal is a usage error
 * (exit code 2) naming the option, the value and the range. Durations need none: {@link DurationConverter}
 * refuses zero and negative ones while parsing.
 */
public final class OptionChecks {

    /** The highest TCP/UDP port. */
    public static final int MAX_PORT = 65_535;

    private OptionChecks() {
    }

    /**
     * @throws ParameterException if {@code value < min}
     */
    public static void atLeast(CommandSpec spec, String option, long value, long min) {
        if (value < min) {
            throw new ParameterException(spec.commandLine(), option + " must be at least " + min + ", was " + value);
        }
    }

    /**
     * @throws ParameterException if {@code value} is not a port (1 to 65535)
     */
    public static void port(CommandSpec spec, String option, long value) {
        if (value < 1 || value > MAX_PORT) {
            throw new ParameterException(spec.commandLine(), option + " must be a port from 1 to " + MAX_PORT + ", was "
                    + value);
        }
    }
}
