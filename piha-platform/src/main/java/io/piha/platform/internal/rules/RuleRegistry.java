package io.piha.platform.internal.rules;

import io.piha.platform.Phase;
import io.piha.platform.Rule;
import io.piha.platform.Severity;
import io.piha.platform.internal.source.InputRules;
import io.piha.platform.internal.suppress.Suppressions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every rule of the audit: the checks, in the seed's phase order, and the catalogue with phase 0's rules. */
public final class RuleRegistry {

    /** A check that threw: reported, never a crash, and the other checks still run. */
    public static final Rule RULE_FAILED = new Rule("rule-failed", Severity.HIGH, Phase.ASSESSMENT,
            "A rule failed on this repository",
            "The audit did not complete this check, so its findings (if any) are missing from this report.",
            "Report the message with the repository layout that caused it; meanwhile check that rule by hand.",
            Optional.empty(), "Phase 0: Repository Assessment");

    private static final List<AuditRule> CHECKS = List.of(
            new RecorderSqlite(), new PostgresqlMissing(), new DefaultStorageClassDuplicate(),
            new StatefulEphemeralStorage(), new PvcNotNas(),
            new MatterInHaPod(), new UsbDeviceInHaPod(), new PrivilegedContainer(), new HostNetwork(),
            new ChartNamespaceHardcoded(), new ResourcesMissing(), new ImageUnpinned(), new ChartUnpinned(),
            new InfluxRetentionShort(),
            new LiteralCredential(), new NodeSelectorInconsistent(),
            new ZigbeeStackMissing(), new UsbDeviceShared(), new BluetoothHostMount(),
            new BackupMissing());

    private RuleRegistry() {
    }

    /** The checks, in phase order. */
    public static List<AuditRule> checks() {
        return CHECKS;
    }

    /** Every rule, checks and phase 0 alike, in phase order. */
    public static List<Rule> catalogue() {
        List<Rule> all = new ArrayList<>(InputRules.all());
        all.addAll(Suppressions.rules());
        all.add(RULE_FAILED);
        CHECKS.forEach(c -> all.add(c.rule()));
        all.sort(Comparator.comparing(Rule::phase));
        return List.copyOf(all);
    }
}
