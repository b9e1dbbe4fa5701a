package io.piha.poe;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the module's shape: drivers know no guards, guards know no driver, tests' libraries stay in tests. */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.piha.poe");
    }

    @Test
    void driversDoNotDependOnTheSafetyLayer() {
        noClasses().that().resideInAnyPackage("io.piha.poe.snmp..", "io.piha.poe.rest..")
                .should().dependOnClassesThat().resideInAPackage("io.piha.poe.safety..").check(main);
    }

    @Test
    void theSafetyLayerWorksWithAnyDriverThroughThePortOnly() {
        noClasses().that().resideInAPackage("io.piha.poe.safety..").should().dependOnClassesThat()
                .resideInAnyPackage("io.piha.poe.snmp..", "io.piha.poe.rest..",
                        "org.snmp4j..", "com.fasterxml..")
                .check(main);
    }

    @Test
    void mainCodeNeverUsesTheTestOnlyHttpLibraries() {
        noClasses().that().resideOutsideOfPackage("io.piha.poe.kit..").should().dependOnClassesThat()
                .resideInAnyPackage("okhttp3..", "org.junit..", "io.piha.poe.kit..")
                .check(main);
    }
}
