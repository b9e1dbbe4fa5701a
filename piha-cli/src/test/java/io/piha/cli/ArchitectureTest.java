package io.piha.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules that span modules, checked where every module's main classes are on the classpath: only the CLI
 * brings picocli and logback; only the drill uses the test kit from main code; nothing uses the examples; the
 * runtime imports no adapter; adapters never import each other (the service wires them).
 */
@AnalyzeClasses(packages = "io.piha", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] ADAPTERS = {"io.piha.mqtt..", "io.piha.poe..", "io.piha.sync..", "io.piha.inventory..",
        "io.piha.http..", "io.piha.platform.."};

    @ArchTest
    static final ArchRule onlyTheCliBringsPicocliOrLogback = noClasses().that().resideOutsideOfPackage("io.piha.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "ch.qos.logback..");

    @ArchTest
    static final ArchRule onlyTheDrillUsesTheTestKitFromMainCode = noClasses()
            .that().resideOutsideOfPackages("io.piha.testkit..", "io.piha.cli.drill..", "io.piha.cli.poe..")
            .should().dependOnClassesThat().resideInAPackage("io.piha.testkit..");

    @ArchTest
    static final ArchRule nothingUsesTheExamples = noClasses().that().resideOutsideOfPackage("io.piha.examples..")
            .should().dependOnClassesThat().resideInAPackage("io.piha.examples..");

    @ArchTest
    static final ArchRule theRuntimeImportsNoAdapter = noClasses().that().resideInAPackage("io.piha.runtime..")
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS);

    @ArchTest
    static void adaptersNeverImportEachOther(JavaClasses classes) {
        for (String adapter : ADAPTERS) {
            String[] others = java.util.Arrays.stream(ADAPTERS).filter(a -> !a.equals(adapter)).toArray(String[]::new);
            noClasses().that().resideInAPackage(adapter).should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("adapters never import each other: the service wires them").allowEmptyShould(true)
                    .check(classes);
        }
    }

    /** Between modules; inside one, a public API and its {@code internal} implementation refer to each other. */
    @ArchTest
    static final ArchRule noCyclesBetweenModules = slices().matching("io.piha.(*)..").should().beFreeOfCycles();
}
