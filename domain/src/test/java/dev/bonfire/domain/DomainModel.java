package dev.bonfire.domain;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.annotation.Annotation;
import java.lang.reflect.Executable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * The domain's main classes as found on disk, not as anyone listed them: the sealed message hierarchies,
 * their messages and the aggregates. The structural tests compare what is declared with what is found.
 */
public final class DomainModel {

    /** The production classes of the domain module (tests excluded). */
    public static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.bonfire.domain");

    private DomainModel() {
    }

    /** The sealed event interfaces, one per aggregate package ({@code PatientEvent}, ...). */
    public static List<Class<?>> eventRoots() {
        return sealedInterfacesNamed("Event");
    }

    /** The sealed command interfaces, one per aggregate package ({@code PatientCommand}, ...). */
    public static List<Class<?>> commandRoots() {
        return sealedInterfacesNamed("Command");
    }

    /** Every event: the concrete classes under the sealed event interfaces. */
    public static List<Class<?>> events() {
        return eventRoots().stream().flatMap(DomainModel::leaves).distinct().sorted(Comparator.comparing(Class::getName)).toList();
    }

    /** Every command: the concrete classes under the sealed command interfaces. */
    public static List<Class<?>> commands() {
        return commandRoots().stream().flatMap(DomainModel::leaves).distinct().sorted(Comparator.comparing(Class::getName)).toList();
    }

    /** The classes that declare an {@link AggregateIdentifier} field. */
    public static List<Class<?>> aggregateClasses() {
        return MAIN.stream()
                .filter(c -> c.getAllFields().stream().anyMatch(f -> f.isAnnotatedWith(AggregateIdentifier.class)))
                .map(JavaClass::reflect)
                .sorted(Comparator.comparing(Class::getName))
                .toList();
    }

    /** The first parameter types of the methods and constructors of {@code type} that carry {@code annotation}. */
    public static List<Class<?>> handledTypes(Class<?> type, Class<? extends Annotation> annotation) {
        List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredMethods()));
        executables.addAll(List.of(type.getDeclaredConstructors()));
        return executables.stream()
                .filter(e -> e.isAnnotationPresent(annotation))
                .map(e -> e.getParameterCount() == 0 ? Void.class : e.getParameterTypes()[0])
                .toList();
    }

    private static List<Class<?>> sealedInterfacesNamed(String suffix) {
        return MAIN.stream()
                .filter(JavaClass::isInterface)
                .map(JavaClass::reflect)
                .filter(Class::isSealed)
                .filter(c -> c.getSimpleName().endsWith(suffix))
                .sorted(Comparator.comparing(Class::getName))
                .toList();
    }

    private static Stream<Class<?>> leaves(Class<?> type) {
        if (!type.isSealed()) {
            return Stream.of(type);
        }
        return Stream.of(type.getPermittedSubclasses()).flatMap(DomainModel::leaves);
    }
}
