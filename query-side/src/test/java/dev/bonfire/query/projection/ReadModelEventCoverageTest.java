package dev.bonfire.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bonfire.domain.condition.ConditionEvent;
import dev.bonfire.domain.directory.DirectoryEvent;
import dev.bonfire.domain.encounter.EncounterEvent;
import dev.bonfire.domain.note.NoteEvent;
import dev.bonfire.domain.observation.ObservationEvent;
import dev.bonfire.domain.patient.PatientEvent;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import jakarta.inject.Singleton;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;

/** Java 17 has no exhaustive switch: this walks the sealed event hierarchies instead. */
class ReadModelEventCoverageTest {

    /** Every sealed {@code *Event} interface of the domain, found on the classpath, so a new aggregate is not missed. */
    private static Set<Class<?>> eventRoots() {
        return new ClassFileImporter().importPackages("dev.bonfire.domain").stream()
                .filter(c -> c.isInterface() && c.getSimpleName().endsWith("Event"))
                .map(JavaClass::reflect)
                .filter(Class::isSealed)
                .collect(Collectors.toSet());
    }

    private static Set<Class<?>> allEvents() {
        return eventRoots().stream().flatMap(root -> Arrays.stream(root.getPermittedSubclasses())).collect(Collectors.toSet());
    }

    @Test
    void theDomainsEventHierarchies_areFound() {
        assertThat(eventRoots()).contains(PatientEvent.class, EncounterEvent.class, ObservationEvent.class,
                ConditionEvent.class, NoteEvent.class, DirectoryEvent.class);
    }

    private static Stream<Method> handlers() {
        return ReadModels.PROJECTORS.stream()
                .flatMap(p -> Arrays.stream(p.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(EventHandler.class));
    }

    private static Set<Class<?>> handledEvents() {
        return handlers().map(m -> m.getParameterTypes()[0]).collect(Collectors.toSet());
    }

    @Test
    void everyDomainEvent_isHandledByAReadModelProjector_orDeliberatelyIgnored() {
        Set<Class<?>> covered = new HashSet<>(handledEvents());
        covered.addAll(ReadModels.IGNORED_EVENTS);

        assertThat(covered).containsAll(allEvents());
    }

    @Test
    void noIgnoredEvent_isHandledAnyway() {
        assertThat(handledEvents()).doesNotContainAnyElementsOf(ReadModels.IGNORED_EVENTS);
    }

    @Test
    void everyHandler_takesItsEventAndTheMessage_soThatPositionAndTenantAreChecked() {
        assertThat(handlers()).allSatisfy(m -> {
            assertThat(m.getParameterTypes()).as(m.toString()).hasSize(2);
            assertThat(m.getParameterTypes()[1]).as(m.toString()).isEqualTo(EventMessage.class);
        });
    }

    @Test
    void everyProjector_isASingletonInTheReadModelsGroup() {
        assertThat(ReadModels.PROJECTORS).allSatisfy(p -> {
            assertThat(p.getAnnotation(ProcessingGroup.class).value()).isEqualTo(ReadModels.GROUP);
            assertThat(p.isAnnotationPresent(Singleton.class)).isTrue();
        });
    }
}
