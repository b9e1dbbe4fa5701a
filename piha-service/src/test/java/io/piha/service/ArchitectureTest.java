package io.piha.service;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The service wires adapters into the runtime; the configuration it reads knows no adapter's classes. */
@AnalyzeClasses(packages = "io.piha.service", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theServiceNeverUsesTheCliOrTheTestKit = noClasses().that().resideInAPackage("io.piha.service..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "ch.qos.logback..", "io.piha.cli..",
                    "io.piha.testkit..", "io.piha.examples..");

    /**
     * Plain values, except the words an adapter owns and the file must use (one list, not a copy that drifts):
     * the SNMPv3 protocols and the switch address syntax of piha-poe, and its safety defaults.
     */
    @ArchTest
    static final ArchRule theConfigurationIsPlainValues = noClasses().that().resideInAPackage("io.piha.service.config..")
            .should().dependOnClassesThat(resideInAnyPackage("io.piha.mqtt..", "io.piha.poe..", "io.piha.sync..",
                    "io.piha.runtime..", "com.hivemq..", "org.snmp4j..", "org.eclipse.jgit..")
                    .and(not(belongToAnyOf(io.piha.poe.snmp.AuthProtocol.class, io.piha.poe.snmp.PrivProtocol.class,
                            io.piha.poe.SwitchAddress.class, io.piha.poe.safety.SafetyConfig.class,
                            io.piha.poe.snmp.SnmpSwitchConfig.class))));
}
