package io.piha.inventory;

/**
 * Told how far a long import has come, e.g. to draw a progress bar. Called on the importing thread.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ImportProgress {

    /** Ignores progress. */
    ImportProgress SILENT = (phase, done, total) -> { };

    /**
     * @param phase what is being done, e.g. {@code staging}
     * @param done units done so far
     * @param total units in all (at least {@code done})
     */
    void update(String phase, long done, long total);
}
