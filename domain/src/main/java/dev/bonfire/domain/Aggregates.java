package dev.bonfire.domain;

import java.util.List;

/**
 * Every aggregate of the domain, for registering them with Axon without naming them: the aggregates
 * themselves stay package-private (Axon reaches them reflectively), so they are listed here by name and
 * loaded once. A test checks that this list holds exactly the classes with an aggregate identifier.
 */
public final class Aggregates {

    private static final List<String> NAMES = List.of(
            "dev.bonfire.domain.patient.Patient",
            "dev.bonfire.domain.encounter.Encounter",
            "dev.bonfire.domain.observation.Observation",
            "dev.bonfire.domain.condition.Condition",
            "dev.bonfire.domain.note.ClinicalNote",
            "dev.bonfire.domain.directory.Practitioner",
            "dev.bonfire.domain.directory.Organization",
            "dev.bonfire.domain.directory.Location",
            "dev.bonfire.domain.directory.Clinician",
            "dev.bonfire.domain.careteam.CareTeamAssignment",
            "dev.bonfire.domain.consent.Consent",
            "dev.bonfire.domain.breakglass.BreakGlassAccess");

    private static final List<Class<?>> ALL = NAMES.stream().<Class<?>>map(Aggregates::load).toList();

    private Aggregates() {
    }

    /** The aggregate classes, each to be passed to Axon's {@code Configurer.configureAggregate}. */
    public static List<Class<?>> all() {
        return ALL;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Aggregates.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("aggregate class missing: " + name, e);
        }
    }
}
