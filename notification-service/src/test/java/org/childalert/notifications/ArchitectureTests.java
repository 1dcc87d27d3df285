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
                        "org.springframework.cloud.function..", "org.springframework.amqp..",
                        "org.childalert.kit.messaging..")
                .check(classes);
    }

    @Test
    void featuresPublishEventsWithoutKnowingTheMessagingPackage() {
        noClasses().that().resideOutsideOfPackage("..notifications.messaging..")
                .should().dependOnClassesThat().resideInAPackage("..notifications.messaging..")
                .check(classes);
    }

    @Test
    void onlyTheSmsPackageTalksToTwilio() {
        noClasses().that().resideOutsideOfPackage("..notifications.sms..")
                .should().dependOnClassesThat().resideInAnyPackage("com.twilio..")
                .check(classes);
    }

    @Test
    void onlyTheEmailPackageSendsMail() {
        noClasses().that().resideOutsideOfPackage("..notifications.email..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.mail..")
                .check(classes);
    }

    /** The providers' senders know nothing of the queue that feeds them, nor of fan-outs and reports. */
    @Test
    void theSendersDoNotDependOnTheQueue() {
        noClasses().that().resideInAnyPackage("..notifications.sms..", "..notifications.email..",
                        "..notifications.providers..")
                .should().dependOnClassesThat().resideInAnyPackage("..notifications.dispatch..",
                        "..notifications.fanout..", "..notifications.reports..")
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
