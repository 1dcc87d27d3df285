package org.childalert.cases;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layout promises of docs/architecture.md, checked. */
class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.childalert.cases");

    @Test
    void onlyTheMessagingPackageTalksToTheBroker() {
        noClasses().that().resideOutsideOfPackage("org.childalert.cases.messaging..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.cloud.stream..",
                        "org.springframework.cloud.function..", "org.springframework.amqp..",
                        "org.childalert.kit.messaging..")
                .check(classes);
    }

    @Test
    void featuresPublishEventsWithoutKnowingTheMessagingPackage() {
        noClasses().that().resideOutsideOfPackage("org.childalert.cases.messaging..")
                .should().dependOnClassesThat().resideInAPackage("org.childalert.cases.messaging..")
                .check(classes);
    }

    @Test
    void featuresHaveNoPackageCycles() {
        slices().matching("org.childalert.cases.(*)..").should().beFreeOfCycles().check(classes);
    }
}
