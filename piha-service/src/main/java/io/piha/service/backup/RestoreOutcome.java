package io.piha.service.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * How a restore ended. Expected refusals are values, not exceptions.
 *
 * @since 0.1
 */
public sealed interface RestoreOutcome {

    /**
     * Every file of the archive is back in place.
     *
     * @param written the files written
     * @param keptAside files that were there before and differed, kept as {@code <name>.before-restore-<time>}
     */
    record Restored(List<Path> written, List<Path> keptAside) implements RestoreOutcome {
        /** @throws NullPointerException if a component is null */
        public Restored {
            written = List.copyOf(written);
            keptAside = List.copyOf(keptAside);
        }
    }

    /**
     * Nothing was written: files with other contents are in the way and {@code force} was not given.
     *
     * @param inTheWay those files
     */
    record Refused(List<Path> inTheWay) implements RestoreOutcome {
        /** @throws NullPointerException if a component is null */
        public Refused {
            inTheWay = List.copyOf(inTheWay);
        }
    }

    /**
     * Nothing was written: the archive fails verification.
     *
     * @param verification what is wrong with it
     */
    record Damaged(BackupVerification verification) implements RestoreOutcome {
    }
}
