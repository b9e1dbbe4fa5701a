package io.piha.cli;

import io.piha.api.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Every duration option of the CLI, in the one grammar of configuration files ({@link Durations}): {@code 500ms},
 * {@code 90s}, {@code 10m}, {@code 24h}, {@code 2d}, {@code 1h30m} or ISO-8601. Zero and negative values are
 * refused before anything is sent. Registered once for {@link Duration} on the whole command line.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return Durations.parsePositive(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
