package io.piha.platform.internal.source;

import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import java.util.List;
import java.util.Optional;

/** The rules of phase 0: what the audit could not read. Every other rule is blind where these fire. */
public final class InputRules {

    private InputRules() {
    }

    private static final String SEED = "Phase 0: Repository Assessment (inspect HelmReleases, StorageClasses, PVCs, "
            + "Home Assistant configuration)";

    /** A YAML file, a values block or a rendered template that does not parse. */
    public static final Rule YAML_UNPARSEABLE = new Rule("yaml-unparseable", Severity.HIGH, Phase.ASSESSMENT,
            "YAML that does not parse",
            "Flux cannot apply what it cannot parse, and this audit cannot check it: every other rule is blind here.",
            "Fix the syntax at the line given (kubectl apply --dry-run=client -f FILE, or yamllint, shows the same).",
            Optional.empty(), SEED);

    /** A chart template that needs more than {@code .Values}/{@code .Release}. */
    public static final Rule TEMPLATE_UNRENDERED = new Rule("template-unrendered", Severity.MEDIUM, Phase.ASSESSMENT,
            "A chart template this audit cannot render",
            "The rules that look at rendered workloads (storage, devices, resources, images) did not see this "
                    + "template; only its text was checked (hard-coded namespaces).",
            "Keep templates of local charts to .Values, .Release, .Chart, if and with, or suppress this finding "
                    + "with the reason after checking the rendered output (helm template) by hand.",
            Optional.empty(), SEED);

    /** A reference to a file, directory or ConfigMap that is not in the repository. */
    public static final Rule REFERENCE_MISSING = new Rule("reference-missing", Severity.MEDIUM, Phase.ASSESSMENT,
            "A reference to something that is not in the repository",
            "Flux fails to reconcile a Kustomization or HelmRelease whose files, chart or valuesFrom ConfigMap are "
                    + "missing, and Home Assistant refuses a configuration whose !include is missing.",
            "Add the missing file or ConfigMap, correct the name or path, or mark a valuesFrom entry optional: true.",
            Optional.empty(), SEED);

    /** A reference that leaves the repository. */
    public static final Rule REFERENCE_OUTSIDE = new Rule("reference-outside-repo", Severity.HIGH, Phase.ASSESSMENT,
            "A reference that leaves the repository",
            "What lives outside the repository is not versioned, not reviewed and not restored with it; the audit "
                    + "does not read it.",
            "Move the file into the repository and refer to it by a relative path inside it.",
            Optional.empty(), SEED);

    /** The rules of this class, in catalogue order. */
    public static List<Rule> all() {
        return List.of(YAML_UNPARSEABLE, TEMPLATE_UNRENDERED, REFERENCE_MISSING, REFERENCE_OUTSIDE);
    }
}
