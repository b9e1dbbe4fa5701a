package io.piha.api.inventory;

import java.util.Objects;
import java.util.UUID;

/**
 * Which sites a query covers: one site, or explicitly all of them.
 *
 * @since 0.1
 */
public sealed interface SiteScope {

    /** Only this site. */
    static SiteScope of(UUID siteId) {
        return new One(siteId);
    }

    /** Every site; must be asked for explicitly. */
    static SiteScope allSites() {
        return All.INSTANCE;
    }

    /**
     * One site.
     *
     * @param siteId the site
     */
    record One(UUID siteId) implements SiteScope {
        /** @throws NullPointerException if the id is null */
        public One {
            Objects.requireNonNull(siteId, "siteId");
        }
    }

    /** Every site. */
    enum All implements SiteScope {
        /** The only instance. */
        INSTANCE
    }
}
