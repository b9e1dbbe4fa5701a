package io.piha.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's shape: it uses the api, the inventory and its own web libraries (jte, Jackson, OkHttp for the
 * HomeSeer client, SLF4J, the JDK's HTTP server); never picocli, logback or another adapter; its plumbing is
 * internal; and the inventory never knows the dashboard exists.
 */
class ArchitectureTest {

    private static JavaClasses web;
    private static JavaClasses inventory;

    @BeforeAll
    static void importClasses() {
        ClassFileImporter importer = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        web = importer.importPackages("io.piha.web");
        inventory = importer.importPackages("io.piha.inventory");
    }

    @Test
    void theDashboardUsesOnlyTheApiTheInventoryAndItsWebLibraries() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("io.piha.web..", "io.piha.api..",
                "io.piha.inventory..", "gg.jte..", "com.fasterxml.jackson..", "okhttp3..", "org.slf4j..",
                "com.sun.net.httpserver..", "java..", "javax.crypto..").check(web);
    }

    @Test
    void itNeverBringsPicocliLogbackOrTheTestKit() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("picocli..", "ch.qos.logback..",
                "io.piha.testkit..", "io.piha.cli..", "org.openqa..").check(web);
    }

    @Test
    void noPartOfTheDashboardReachesIntoTheInventorysInternals() {
        noClasses().that().resideInAPackage("io.piha.web").should().dependOnClassesThat()
                .resideInAPackage("io.piha.inventory.internal..").check(web);
        noClasses().that().resideInAPackage("io.piha.web.internal..").should().dependOnClassesThat()
                .resideInAPackage("io.piha.inventory.internal..").check(web);
    }

    @Test
    void theInventoryNeverKnowsTheDashboard() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.piha.web..").check(inventory);
    }
}
