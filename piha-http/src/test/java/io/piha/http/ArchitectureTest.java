package io.piha.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The HTTP edges bring the JDK's HTTP client and server and Jackson; no other adapter, no decision code. */
@AnalyzeClasses(packages = "io.piha.http", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theHttpEdgesBringOnlyTheJdkJacksonAndSlf4j = classes().that().resideInAPackage("io.piha.http..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.net..", "com.sun.net.httpserver..",
                    "io.piha.api..", "io.piha.http..", "com.fasterxml.jackson..", "org.slf4j..");
}
