package org.childalert.notifications;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.childalert.notifications");

    @Test
    void onlyTheMessagingPackageTouchesTheBroker() {
        noClasses().that().resideOutsideOfPackage("..notifications.messaging..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.cloud.stream..",
                        "org.springframework.amqp..")
                .check(classes);
    }

    @Test
    void onlyTheDeliveryPackageTalksToTheProviders() {
        noClasses().that().resideOutsideOfPackage("..notifications.delivery..")
                .should().dependOnClassesThat().resideInAnyPackage("com.twilio..", "org.springframework.mail..")
                .check(classes);
    }

    @Test
    void featuresHaveNoPackageCycles() {
        slices().matching("org.childalert.notifications.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void controllersNeverReturnRowsFromTheDatabase() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.sql.ResultSet")
                .check(classes);
    }
}
