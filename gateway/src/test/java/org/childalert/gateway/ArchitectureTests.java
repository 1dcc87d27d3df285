package org.childalert.gateway;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.childalert.gateway.console.ServiceClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.web.client.RestClient;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The gateway's layering (docs/services/gateway.md, Packages), checked: {@code proxy} configures the one HTTP
 * client that the routes and the console share, {@code errors} turns its failures into answers, {@code security}
 * checks tokens and sessions, and {@code console} serves pages, calling the services only through
 * {@link ServiceClients}. The edge (proxy, errors, security, observability) knows nothing of the console, and the
 * console nothing of the edge's internals.
 */
class ArchitectureTests {

    private static final String GATEWAY = "org.childalert.gateway";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(GATEWAY);

    @Test
    void packagesHaveNoCycles() {
        slices().matching(GATEWAY + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theConsolesPagesForEachRoleDoNotDependOnOneAnother() {
        slices().matching(GATEWAY + ".console.(*)..").should().notDependOnEachOther().check(classes);
    }

    @Test
    void theEdgeKnowsNothingOfTheConsole() {
        noClasses().that().resideInAnyPackage(GATEWAY + ".proxy..", GATEWAY + ".errors..", GATEWAY + ".security..",
                        GATEWAY + ".observability..")
                .should().dependOnClassesThat().resideInAPackage(GATEWAY + ".console..")
                .check(classes);
    }

    @Test
    void theProxyDependsOnNoOtherPartOfTheGateway() {
        noClasses().that().resideInAPackage(GATEWAY + ".proxy..")
                .should().dependOnClassesThat().resideInAnyPackage(GATEWAY + ".errors..", GATEWAY + ".security..",
                        GATEWAY + ".console..", GATEWAY + ".observability..")
                .check(classes);
    }

    @Test
    void theConsoleDoesNotReachIntoTheProxyOrTheSecurityChains() {
        noClasses().that().resideInAPackage(GATEWAY + ".console..")
                .should().dependOnClassesThat().resideInAnyPackage(GATEWAY + ".proxy..", GATEWAY + ".security..",
                        GATEWAY + ".errors..")
                .check(classes);
    }

    /** The Apache client is configured in proxy; errors only recognises its connect timeout. */
    @Test
    void onlyTheProxyConfiguresTheHttpClient() {
        noClasses().that().resideOutsideOfPackages(GATEWAY + ".proxy..", GATEWAY + ".errors..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.hc..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage(GATEWAY + ".proxy..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.boot.http.client.autoconfigure..")
                .orShould().dependOnClassesThat().haveSimpleName("HttpComponentsClientHttpRequestFactoryBuilder")
                .check(classes);
    }

    /** The pages call the services with the clients ServiceClients builds (token, timeouts, problem details). */
    @Test
    void onlyServiceClientsBuildsTheConsolesClientsOfTheServices() {
        noClasses().that().doNotHaveFullyQualifiedName(ServiceClients.class.getName())
                .and().resideOutsideOfPackage(GATEWAY + ".proxy..")
                .should().callMethodWhere(DescribedPredicate.describe("RestClient.builder()",
                        (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(RestClient.class)
                                && call.getName().equals("builder")))
                .orShould().dependOnClassesThat().areAssignableTo(ClientHttpRequestFactoryBuilder.class)
                .check(classes);
    }
}
