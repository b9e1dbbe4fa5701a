package io.piha.inventory;

import java.util.Objects;

/**
 * One input row an importer refused, and why; the rest of the import went on without it.
 *
 * @param row where it was: a 1-based row number or a source reference such as {@code ref 3398}
 * @param value the offending value, as given
 * @param reason what is wrong with it
 * @since 0.1
 */
public record RowRejection(String row, String value, String reason) {

    /** @throws NullPointerException if a component is null */
    public RowRejection {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return row + ": " + reason + " ('" + value + "')";
    }
}
