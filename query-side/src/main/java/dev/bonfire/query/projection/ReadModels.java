package dev.bonfire.query.projection;

import dev.bonfire.domain.breakglass.GlassBroken;
import dev.bonfire.domain.careteam.AssignedToCareTeam;
import dev.bonfire.domain.careteam.CareTeamAssignmentEnded;
import dev.bonfire.domain.consent.ConsentGranted;
import dev.bonfire.domain.consent.ConsentWithdrawn;
import dev.bonfire.domain.directory.ClinicianEnrolled;
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
     * Domain events the relational read models do not show, each for a reason:
     * <ul>
     *   <li>notes: psychotherapy notes must never land in a general read model, and clinical notes are
     *       served by the FHIR and vector projections;</li>
     *   <li>the directory: no patient data;</li>
     *   <li>care teams, consent and break-the-glass: access-policy state, kept by the policy module.</li>
     * </ul>
     * A test checks that every domain event is handled by a projector or listed here.
     */
    public static final Set<Class<?>> IGNORED_EVENTS = Set.of(
            NoteDrafted.class,
            NoteSigned.class,
            NoteAmended.class,
            PractitionerRegistered.class,
            OrganizationRegistered.class,
            LocationRegistered.class,
            ClinicianEnrolled.class,
            AssignedToCareTeam.class,
            CareTeamAssignmentEnded.class,
            ConsentGranted.class,
            ConsentWithdrawn.class,
            GlassBroken.class);

    private ReadModels() {
    }
}
