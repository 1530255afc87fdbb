package dev.bonfire.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module's place in the architecture, checked: dependencies point one way, the API stays a plain contract. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importQuerySide() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.bonfire.query");
    }

    @Test
    void querySide_dependsOnNeitherTheCommandSideNorAProjectionNorTheApp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.bonfire.command..", "dev.bonfire.projection..",
                "dev.bonfire.fhir..", "dev.bonfire.vector..", "dev.bonfire.app..").check(classes);
    }

    @Test
    void theApiRecords_knowNoDomainNoSqlNoAxonAndNoHttp() {
        noClasses().that().resideInAPackage("dev.bonfire.query.api..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.bonfire.domain..", "org.jooq..", "org.axonframework..",
                        "io.micronaut.http..", "dev.bonfire.query.schema..")
                .check(classes);
    }

    @Test
    void onlyTheHttpDoor_usesHttp_andItReadsThroughTheGate_notTheSchema() {
        noClasses().that().resideOutsideOfPackage("dev.bonfire.query.http..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..", "io.micronaut.security..").check(classes);
        noClasses().that().resideInAPackage("dev.bonfire.query.http..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.bonfire.query.schema..", "org.jooq..").check(classes);
    }

    @Test
    void projectorsAndQueries_doNotCallEachOther() {
        noClasses().that().resideInAPackage("dev.bonfire.query.projection..")
                .should().dependOnClassesThat().resideInAPackage("dev.bonfire.query.read..").check(classes);
        noClasses().that().resideInAPackage("dev.bonfire.query.read..")
                .should().dependOnClassesThat().resideInAPackage("dev.bonfire.query.projection..").check(classes);
    }
}
