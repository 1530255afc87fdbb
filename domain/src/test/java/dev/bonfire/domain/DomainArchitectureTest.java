package dev.bonfire.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The domain knows nothing of HTTP, SQL, FHIR libraries or the other modules, and decides nothing by the wall clock. */
class DomainArchitectureTest {

    @Test
    void domain_dependsOnNoFrameworkStorageFhirLibraryOrOtherModule() {
        noClasses().that().resideInAPackage("dev.bonfire.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.micronaut..", "jakarta..", "javax.inject..", "javax.persistence..",
                        "org.jooq..", "java.sql..", "javax.sql..", "org.postgresql..", "com.pgvector..",
                        "ca.uhn..", "org.hl7..",
                        "com.fasterxml.jackson.databind..", "com.fasterxml.jackson.core..",
                        "software.amazon..", "com.amazonaws..",
                        "org.axonframework.config..", "org.axonframework.axonserver..", "org.axonframework.eventsourcing.eventstore.jdbc..")
                .orShould().dependOnClassesThat(otherBonfireModules())
                .check(DomainModel.MAIN);
    }

    @Test
    void domain_dependsOnlyOnTheJdkAxonModellingAndJacksonAnnotations() {
        classes().that().resideInAPackage("dev.bonfire.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "dev.bonfire.domain..", "java.lang..", "java.util..", "java.math..", "java.time..",
                        "org.axonframework.modelling..", "org.axonframework.eventsourcing", "org.axonframework.commandhandling",
                        "org.axonframework.messaging.annotation", "com.fasterxml.jackson.annotation..")
                .check(DomainModel.MAIN);
    }

    @Test
    void domain_neverReadsTheSystemClockOrMakesRandomValues() {
        noClasses().that().resideInAPackage("dev.bonfire.domain..")
                .should().callMethodWhere(readsTheClockOrRandomness())
                .orShould().dependOnClassesThat().belongToAnyOf(Random.class, SecureRandom.class, ThreadLocalRandom.class)
                .check(DomainModel.MAIN);
    }

    private static DescribedPredicate<JavaClass> otherBonfireModules() {
        return DescribedPredicate.describe("belong to another bonfire module",
                c -> c.getPackageName().startsWith("dev.bonfire.") && !c.getPackageName().startsWith("dev.bonfire.domain"));
    }

    private static DescribedPredicate<JavaMethodCall> readsTheClockOrRandomness() {
        return DescribedPredicate.describe("read the system clock or make a random value", call -> {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            return (owner.startsWith("java.time.") && (name.equals("now") || name.startsWith("system")))
                    || (owner.equals("java.lang.System") && (name.equals("currentTimeMillis") || name.equals("nanoTime")))
                    || (owner.equals("java.util.UUID") && name.equals("randomUUID"))
                    || (owner.equals("java.lang.Math") && name.equals("random"));
        });
    }
}
