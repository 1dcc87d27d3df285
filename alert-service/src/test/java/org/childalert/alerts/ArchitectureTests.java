package org.childalert.alerts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules of docs/architecture.md, checked on the compiled classes. */
class ArchitectureTests {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.childalert.alerts");

    @Test
    void onlyTheMessagingPackageTalksToTheBroker() {
        noClasses().that().resideOutsideOfPackage("org.childalert.alerts.messaging..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.cloud.stream..",
                        "org.springframework.cloud.function..", "org.springframework.amqp..",
                        "org.childalert.kit.messaging..")
                .check(SERVICE);
    }

    @Test
    void featuresPublishEventsWithoutKnowingTheMessagingPackage() {
        noClasses().that().resideOutsideOfPackage("org.childalert.alerts.messaging..")
                .should().dependOnClassesThat().resideInAPackage("org.childalert.alerts.messaging..")
                .check(SERVICE);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.childalert.alerts.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void theEscalationPolicyIsPlainDomainLogic() {
        classes().that().resideInAPackage("org.childalert.alerts.policy..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.childalert.alerts.policy..",
                        "org.childalert.events..", "java..", "org.springframework.stereotype..")
                .check(SERVICE);
    }

    @Test
    void theCapFormDoesNotPublishOrDecideAnything() {
        noClasses().that().resideInAPackage("org.childalert.alerts.cap..")
                .should().dependOnClassesThat().resideInAnyPackage("org.childalert.alerts.messaging..",
                        "org.childalert.alerts.approval..")
                .check(SERVICE);
    }
}
