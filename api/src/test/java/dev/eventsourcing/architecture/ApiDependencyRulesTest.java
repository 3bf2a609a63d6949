package dev.eventsourcing.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The api module is the only dependency of users' domain models, so it must run anywhere:
 * no class of it may use CDI, JPA, or any Jakarta or Java EE runtime API. The enforcer rule in
 * the pom keeps such jars off the class path; this test checks the bytecode itself.
 */
class ApiDependencyRulesTest {

    private static JavaClasses api;

    @BeforeAll
    static void importApi() {
        api = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.eventsourcing");
    }

    @Test
    void apiUsesNoJakartaOrJavaEeRuntimeApi() {
        ArchRule rule = noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("jakarta..", "javax.persistence..", "javax.enterprise..", "javax.inject..",
                        "javax.transaction..", "javax.ejb..", "org.eclipse.microprofile..", "org.hibernate..");
        rule.check(api);
    }

    @Test
    void theDomainModelDependsOnNoOtherLayer() {
        noClasses().that().resideInAPackage("dev.eventsourcing.domain..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.eventsourcing.application..", "dev.eventsourcing.persistence..",
                        "dev.eventsourcing.system..", "dev.eventsourcing.projection..", "com.fasterxml..")
                .check(api);
    }

    @Test
    void persistenceDoesNotDependOnApplications() {
        noClasses().that().resideInAPackage("dev.eventsourcing.persistence..")
                .should().dependOnClassesThat().resideInAPackage("dev.eventsourcing.application..")
                .check(api);
    }
}
