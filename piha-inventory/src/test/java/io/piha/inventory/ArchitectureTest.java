package io.piha.inventory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module's shape: an adapter of the {@code io.piha.api.inventory} ports that knows nothing of the
 * other adapters, with its SQL plumbing internal, and importers and reports that do not know each other.
 */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.piha.inventory");
    }

    @Test
    void theInventoryKnowsNoOtherAdapterAndNoDecisionCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.piha.core..", "io.piha.mqtt..",
                "io.piha.poe..", "io.piha.sync..", "io.piha.examples..").check(main);
    }

    @Test
    void importersAndReportsDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("io.piha.inventory.scan..").should().dependOnClassesThat()
                .resideInAnyPackage("io.piha.inventory.homeseer..", "io.piha.inventory.report..").check(main);
        noClasses().that().resideInAPackage("io.piha.inventory.homeseer..").should().dependOnClassesThat()
                .resideInAnyPackage("io.piha.inventory.scan..", "io.piha.inventory.report..").check(main);
        noClasses().that().resideInAPackage("io.piha.inventory.report..").should().dependOnClassesThat()
                .resideInAnyPackage("io.piha.inventory.scan..", "io.piha.inventory.homeseer..").check(main);
    }

    @Test
    void mainCodeNeverUsesTestLibraries() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.assertj..",
                "okhttp3.mockwebserver..").check(main);
    }
}
