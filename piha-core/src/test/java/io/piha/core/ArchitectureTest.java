package io.piha.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hexagon, kept honest: ports in the middle, decisions beside them, no I/O library inside. */
@AnalyzeClasses(packages = "io.piha", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    // the JDK only: java.*, and javax.net.ssl for the one trust-store helper (io.piha.api.io.TrustedCertificates)
    @ArchTest
    static final ArchRule apiDependsOnlyOnTheJdk = classes().that().resideInAPackage("io.piha.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.net.ssl..", "io.piha.api..");

    @ArchTest
    static final ArchRule coreDependsOnlyOnTheApiAndSlf4j = classes().that().resideInAPackage("io.piha.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.piha.api..", "io.piha.core..", "org.slf4j..");

    @ArchTest
    static final ArchRule noAdapterIsImportedByApiOrCore = noClasses().that().resideInAnyPackage("io.piha.api..", "io.piha.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.piha.mqtt..", "io.piha.poe..", "io.piha.inventory..",
                    "io.piha.sync..", "io.piha.examples..", "io.piha.runtime..", "io.piha.http..", "io.piha.service..", "io.piha.cli..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.piha.(**)").should().beFreeOfCycles();
}
