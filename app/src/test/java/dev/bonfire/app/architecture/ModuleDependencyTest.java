package dev.bonfire.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dependency direction of ARCHITECTURE.md, checked on the compiled classes of every module:
 * domain ← policy ← (command-side, query-side, projections) ← app. The Maven enforcer bans the
 * library side (no Micronaut, jOOQ or HAPI in domain); this test bans the module side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModuleDependencyTest {

    private static final String DOMAIN = "dev.bonfire.domain..";
    private static final String POLICY = "dev.bonfire.policy..";
    private static final String COMMAND = "dev.bonfire.command..";
    private static final String QUERY = "dev.bonfire.query..";
    private static final String FHIR = "dev.bonfire.fhir..";
    private static final String VECTOR = "dev.bonfire.vector..";
    private static final String APP = "dev.bonfire.app..";

    private JavaClasses classes;

    @BeforeAll
    void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.bonfire");
    }

    @Test
    void domain_dependsOnNoOtherModule_andNoInfrastructure() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(POLICY, COMMAND, QUERY, FHIR, VECTOR, APP,
                        "io.micronaut..", "org.jooq..", "ca.uhn..", "org.hl7..", "java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void policy_dependsOnlyOnDomain_andKnowsNoHttp() {
        noClasses().that().resideInAPackage(POLICY)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND, QUERY, FHIR, VECTOR, APP, "io.micronaut.http..", "ca.uhn..")
                .check(classes);
    }

    @Test
    void commandSide_doesNotReachIntoQueriesOrProjections() {
        noClasses().that().resideInAPackage(COMMAND)
                .should().dependOnClassesThat().resideInAnyPackage(QUERY, FHIR, VECTOR, APP)
                .check(classes);
    }

    @Test
    void querySide_doesNotReachIntoCommandsOrProjections() {
        noClasses().that().resideInAPackage(QUERY)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND, FHIR, VECTOR, APP)
                .check(classes);
    }

    @Test
    void projections_dependOnNoOtherProjection_norOnTheSides() {
        noClasses().that().resideInAPackage(FHIR)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND, QUERY, VECTOR, APP)
                .check(classes);
        noClasses().that().resideInAPackage(VECTOR)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND, QUERY, FHIR, APP)
                .allowEmptyShould(true)
                .check(classes);
    }
}
