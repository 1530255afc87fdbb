package dev.bonfire.query.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.bonfire.policy.access.Permit;
import dev.bonfire.query.support.TenantConnections;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Read-model queries are reachable only with a gate's permit: every public method of a class that
 * reads the read models takes a {@link Permit}, and only the read and projection packages touch the
 * read models at all. A query added without a permit parameter fails here, before it can become a door
 * that skips the gate.
 */
class PermitRequiredTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.bonfire.query");

    @Test
    void everyPublicQuery_takesAPermit() {
        List<String> open = new ArrayList<>();
        for (JavaClass type : CLASSES) {
            if (!type.getPackageName().startsWith("dev.bonfire.query.read") || !readsReadModels(type)) {
                continue;
            }
            for (JavaMethod method : type.getMethods()) {
                boolean exposed = method.getModifiers().contains(JavaModifier.PUBLIC) && !method.getModifiers().contains(JavaModifier.STATIC);
                boolean permitted = method.getRawParameterTypes().stream().anyMatch(p -> p.isEquivalentTo(Permit.class));
                if (exposed && !permitted) {
                    open.add(method.getFullName());
                }
            }
        }
        assertThat(CLASSES.stream().filter(this::readsReadModels).map(JavaClass::getSimpleName))
                .contains("PatientQueries", "ObservationQueries", "EncounterQueries", "ConditionQueries", "PatientHistory");
        assertThat(open).as("public read-model queries without a Permit parameter").isEmpty();
    }

    @Test
    void onlyQueriesAndProjectors_touchTheReadModels() {
        List<String> others = CLASSES.stream().filter(this::readsReadModels)
                .filter(type -> !type.getPackageName().startsWith("dev.bonfire.query.read")
                        && !type.getPackageName().startsWith("dev.bonfire.query.projection"))
                .map(JavaClass::getName).toList();
        assertThat(others).isEmpty();
    }

    private boolean readsReadModels(JavaClass type) {
        return !type.isEquivalentTo(TenantConnections.class)
                && type.getFields().stream().anyMatch(field -> field.getRawType().isEquivalentTo(TenantConnections.class));
    }
}
