package io.piha.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The runtime runs the core's machines with threads and time; it knows no broker, switch, database or HTTP. */
@AnalyzeClasses(packages = "io.piha.runtime", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theRuntimeImportsNoAdapter = classes().that().resideInAPackage("io.piha.runtime..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.piha.api..", "io.piha.core..",
                    "io.piha.runtime..", "org.slf4j..");
}
