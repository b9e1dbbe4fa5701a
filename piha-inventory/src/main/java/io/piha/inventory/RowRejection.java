package io.piha.inventory;

import java.util.Objects;

/**
 * One input row an importer refused, and why; the rest of the import went on without it. Applied imports keep
 * their rejections with the import run ({@link ImportRuns#rejections}).
 *
 * @param row where it was: {@code row 4} (the fourth result of a JSON scan), {@code line 7} (of a CSV scan),
 *            {@code ref 3398} (a HomeSeer device)
 * @param value the offending value, as given
 * @param reason what is wrong with it
 * @param raw the whole row as the source wrote it (the JSON object, the CSV line), so it can be fixed and sent again
 * @since 0.1
 */
public record RowRejection(String row, String value, String reason, String raw) {

    /** @throws NullPointerException if a component is null */
    public RowRejection {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(raw, "raw");
    }

    @Override
    public String toString() {
        return row + ": " + reason + " ('" + value + "')";
    }
}
