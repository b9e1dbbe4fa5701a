package io.piha.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** piha-platform brings one library family (Jackson) and knows no other piha module. */
@AnalyzeClasses(packages = "io.piha.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheJdkJacksonSlf4jAndItself = classes().that().resideInAPackage("io.piha.platform..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson..", "org.slf4j..",
                    "io.piha.platform..");

    @ArchTest
    static final ArchRule thePublicApiDoesNotLeakTheYamlModel = noClasses().that().resideInAPackage("io.piha.platform")
            .should().dependOnClassesThat().resideInAnyPackage("io.piha.platform.internal.yaml..",
                    "io.piha.platform.internal.helm..", "io.piha.platform.internal.model..")
            .because("callers see reports, findings and rules, never how the repository was read");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.piha.platform.(**)").should().beFreeOfCycles();
}
