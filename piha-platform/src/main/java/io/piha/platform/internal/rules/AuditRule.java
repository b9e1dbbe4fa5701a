package io.piha.platform.internal.rules;

import io.piha.platform.Rule;
import io.piha.platform.internal.Findings;
import io.piha.platform.internal.model.Platform;

/** One check of the catalogue: its description and the code that looks at the platform. */
public interface AuditRule {

    /** What the rule checks and what to do. */
    Rule rule();

    /** Looks at the platform and records what it finds. */
    void check(Platform platform, Findings findings);
}
