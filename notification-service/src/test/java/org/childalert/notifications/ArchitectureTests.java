package org.childalert.notifications;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.childalert.kit.messaging.TraceContexts;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.childalert.notifications");

    @Test
    void onlyTheMessagingPackageTouchesTheBroker() {
        // TraceContexts is the kit's one piece that is not about the broker: the delivery workers continue an
        // alert's trace with it where it was stored (alert_notice.traceparent), as the relay does with the outbox's
        noClasses().that().resideOutsideOfPackage("..notifications.messaging..")
                .should().dependOnClassesThat(resideInAnyPackage("org.springframework.cloud.stream..",
                        "org.springframework.cloud.function..", "org.springframework.amqp..",
                        "org.childalert.kit.messaging..").and(not(type(TraceContexts.class))))
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
