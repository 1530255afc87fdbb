package dev.bonfire.fhir.importer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The direction of dependencies, checkable: this projection leans on domain and policy only. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.bonfire.fhir");

    @Test
    void theFhirProjection_dependsOnNoOtherProjectionNorTheCommandOrQuerySideNorTheApp() {
        noClasses().that().resideInAPackage("dev.bonfire.fhir..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.bonfire.command..", "dev.bonfire.query..", "dev.bonfire.vector..", "dev.bonfire.app..")
                .check(CLASSES);
    }

    @Test
    void readingAndMapping_arePure_noDatabaseNoBusNoHttp() {
        noClasses().that().haveSimpleNameStartingWith("FhirMapper").or().haveSimpleNameStartingWith("FhirBundleReader")
                .or().haveSimpleNameStartingWith("Redaction").or().haveSimpleNameStartingWith("RecordIds")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.jooq..",
                        "org.axonframework..", "io.micronaut.http..", "dev.bonfire.policy..")
                .check(CLASSES);
    }
}
