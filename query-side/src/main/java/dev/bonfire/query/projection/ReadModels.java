package dev.bonfire.query.projection;

import dev.bonfire.domain.directory.LocationRegistered;
import dev.bonfire.domain.directory.OrganizationRegistered;
import dev.bonfire.domain.directory.PractitionerRegistered;
import dev.bonfire.domain.note.NoteAmended;
import dev.bonfire.domain.note.NoteDrafted;
import dev.bonfire.domain.note.NoteSigned;
import java.util.List;
import java.util.Set;

/** The read-model processing group: its name, its projectors, and the events it deliberately ignores. */
public final class ReadModels {

    /** The processing group of every read-model projector: one tracking processor, one token. */
    public static final String GROUP = "read-models";

    /** The projector classes to register with Axon (all {@code @Singleton} beans). */
    public static final List<Class<?>> PROJECTORS = List.of(
            PatientViewProjector.class,
            EncounterViewProjector.class,
            ObservationViewProjector.class,
            ConditionViewProjector.class);

    /**
     * Domain events the relational read models do not show: notes (psychotherapy notes must never land
     * in a general read model; clinical notes are served by the FHIR and vector projections) and the
     * directory (no patient data). A test checks every domain event is handled or listed here.
     */
    public static final Set<Class<?>> IGNORED_EVENTS = Set.of(
            NoteDrafted.class,
            NoteSigned.class,
            NoteAmended.class,
            PractitionerRegistered.class,
            OrganizationRegistered.class,
            LocationRegistered.class);

    private ReadModels() {
    }
}
