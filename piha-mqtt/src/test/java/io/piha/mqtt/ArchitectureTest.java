package io.piha.mqtt;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The adapter's shape: one family of libraries, no decisions, implementation behind {@code internal}. */
@AnalyzeClasses(packages = "io.piha.mqtt", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule bringsOnlyTheHiveMqClientJacksonAndSlf4j = classes().that().resideInAPackage("io.piha.mqtt..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "javax.net..",
                    "io.piha.api..", "io.piha.mqtt..", "com.hivemq.client..", "com.fasterxml.jackson..", "org.slf4j..");

    @ArchTest
    static final ArchRule leavesDecisionsToTheCore = noClasses().that().resideInAPackage("io.piha.mqtt..")
            .should().dependOnClassesThat().resideInAPackage("io.piha.core..");

    @ArchTest
    static final ArchRule codecAndConfigKnowNoBrokerClient = noClasses().that().resideInAPackage("io.piha.mqtt")
            .and().doNotHaveSimpleName("MqttLeadershipBus")
            .should().dependOnClassesThat().resideInAPackage("com.hivemq..");
}
