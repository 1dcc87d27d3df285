package org.childalert.kit.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The web-edge kit is infrastructure: it knows no service's events or features, only what a service tells it. */
class ArchitectureTests {

    private static final JavaClasses KIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.childalert.kit");

    @Test
    void knowsNoEventTypeAndNoServiceOfThePlatform() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.childalert.events..",
                        "org.childalert.cases..", "org.childalert.alerts..", "org.childalert.notifications..",
                        "org.childalert.gateway..")
                .check(KIT);
    }

    @Test
    void neverTouchesTheBroker() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework.cloud.stream..",
                        "org.springframework.cloud.function..", "org.springframework.amqp..")
                .check(KIT);
    }

    @Test
    void hasNoPackageCycles() {
        slices().matching("org.childalert.kit.(*)..").should().beFreeOfCycles().check(KIT);
    }
}
