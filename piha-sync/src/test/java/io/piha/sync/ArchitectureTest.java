package io.piha.sync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the adapter's shape: one library family, and the decision free of Git and of the clock. */
class ArchitectureTest {

    private static final JavaClasses SYNC = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.piha.sync");

    @Test
    void theAdapterUsesOnlyTheApiTheJdkJGitAndSlf4j() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.piha.api..", "io.piha.sync..", "java..", "org.eclipse.jgit..", "org.slf4j..")
                .check(SYNC);
    }

    @Test
    void theDecisionIsPureNoGitNoClockNoLogging() {
        noClasses().that().haveSimpleNameStartingWith("SyncPolicy").or().haveSimpleName("Candidate")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jgit..", "org.slf4j..", "java.io..",
                        "java.nio..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .check(SYNC);
    }
}
