package dev.bonfire.domain.note;

import static dev.bonfire.domain.Samples.AUTHOR;
import static dev.bonfire.domain.Samples.OTHER_PATIENT;
import static dev.bonfire.domain.Samples.PATIENT;
import static dev.bonfire.domain.Samples.TENANT;
import static dev.bonfire.domain.Samples.author;
import static dev.bonfire.domain.Samples.colleague;
import static dev.bonfire.domain.Samples.command;
import static dev.bonfire.domain.Samples.event;
import static dev.bonfire.domain.Samples.otherTenant;

import dev.bonfire.domain.Samples;
import dev.bonfire.domain.common.CodeableConcept;
import dev.bonfire.domain.common.IllegalTransitionException;
import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.RecordNotFoundException;
import dev.bonfire.domain.common.Reference;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClinicalNoteTest {

    private static final String NOTE = "note-1";
    private static final CodeableConcept PROGRESS_NOTE = CodeableConcept.of("http://loinc.org", "11506-3", "Progress note");

    private AggregateTestFixture<ClinicalNote> fixture;

    @BeforeEach
    void setUp() {
        fixture = Samples.fixture(ClinicalNote.class);
    }

    private static DraftNote draftNote(NoteKind kind) {
        return new DraftNote(NOTE, PATIENT, "encounter-1", kind, PROGRESS_NOTE, "Follow-up", "Feeling better.",
                Reference.to("Practitioner", AUTHOR));
    }

    private static NoteDrafted drafted(NoteKind kind) {
        DraftNote c = draftNote(kind);
        return new NoteDrafted(c.noteId(), c.patientId(), c.encounterId(), c.noteKind(), c.type(), c.title(), c.text(),
                c.attributedAuthor());
    }

    private static final NoteSigned SIGNED = new NoteSigned(NOTE, PATIENT);

    @Test
    void draftNote_recordsNoteDrafted_withTheAuthorAsTheActorInItsMetadata() {
        fixture.givenNoPriorActivity()
                .when(draftNote(NoteKind.CLINICAL), author())
                .expectSuccessfulHandlerExecution()
                .expectEvents(event(drafted(NoteKind.CLINICAL), author()));
    }

    @Test
    void draftNote_recordsNoteDrafted_forAPsychotherapyNote() {
        fixture.givenNoPriorActivity()
                .when(draftNote(NoteKind.PSYCHOTHERAPY), author())
                .expectEvents(event(drafted(NoteKind.PSYCHOTHERAPY), author()));
    }

    @Test
    void draftNote_isRejected_whenTheCommandCarriesNoActor() {
        fixture.givenNoPriorActivity()
                .when(draftNote(NoteKind.CLINICAL), MetaData.with(MetadataKeys.TENANT, TENANT))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void draftNote_isRejected_whenTheCommandCarriesNoTenant() {
        fixture.givenNoPriorActivity()
                .when(draftNote(NoteKind.CLINICAL), MetaData.with(MetadataKeys.ACTOR_ID, AUTHOR))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void signNote_recordsNoteSigned_whenTheAuthorSigns() {
        fixture.given(event(drafted(NoteKind.CLINICAL), author()))
                .when(new SignNote(NOTE, PATIENT, 0L), author())
                .expectEvents(event(SIGNED, author()));
    }

    @Test
    void signNote_isRejected_whenAnotherActorSigns() {
        fixture.given(event(drafted(NoteKind.CLINICAL), author()))
                .when(new SignNote(NOTE, PATIENT, null), colleague())
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void signNote_isRejected_whenTheSignerIsTheAttributedAuthorButNotTheDraftingActor() {
        // the attributed author in the payload is what the note says; only the drafting actor may sign it
        fixture.given(event(drafted(NoteKind.CLINICAL), colleague()))
                .when(new SignNote(NOTE, PATIENT, null), author())
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void signNote_isRejected_whenTheCommandCarriesNoActor() {
        fixture.given(event(drafted(NoteKind.CLINICAL), author()))
                .when(new SignNote(NOTE, PATIENT, null), MetaData.with(MetadataKeys.TENANT, TENANT))
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void signNote_isRejected_whenTheDraftWasStoredWithoutAnAuthor() {
        fixture.given(event(drafted(NoteKind.CLINICAL), MetaData.with(MetadataKeys.TENANT, TENANT)))
                .when(new SignNote(NOTE, PATIENT, null), author())
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void signNote_isRejected_whenAlreadySigned() {
        fixture.given(event(drafted(NoteKind.CLINICAL), author()), event(SIGNED, author()))
                .when(new SignNote(NOTE, PATIENT, null), author())
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void signNote_isRejected_whenAlreadySignedAndAmended() {
        fixture.given(event(drafted(NoteKind.CLINICAL), author()), event(SIGNED, author()),
                        event(new NoteAmended(NOTE, PATIENT, "Feeling much better.", "typo"), author()))
                .when(new SignNote(NOTE, PATIENT, null), author())
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void signNote_isNotFound_forAnotherTenant() {
        fixture.given(event(drafted(NoteKind.CLINICAL), author()))
                .when(new SignNote(NOTE, PATIENT, null), otherTenant())
                .expectException(RecordNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void signNote_isNotFound_forAnotherPatient() {
        fixture.given(event(drafted(NoteKind.CLINICAL), author()))
                .when(new SignNote(NOTE, OTHER_PATIENT, null), author())
                .expectException(RecordNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void signNote_recordsNoteSigned_whenTheAuthorSigns_throughTheCommandBus() {
        fixture.givenCommands(command(draftNote(NoteKind.CLINICAL), author()))
                .when(new SignNote(NOTE, PATIENT, null), author())
                .expectEvents(event(SIGNED, author()));
    }

    @Test
    void signNote_isRejected_whenAnotherActorSigns_throughTheCommandBus() {
        fixture.givenCommands(command(draftNote(NoteKind.CLINICAL), author()))
                .when(new SignNote(NOTE, PATIENT, null), colleague())
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void amendNote_recordsNoteAmended_whenSigned() {
        fixture.given(event(drafted(NoteKind.CLINICAL), author()), event(SIGNED, author()))
                .when(new AmendNote(NOTE, PATIENT, "Feeling much better.", "typo", 1L), author())
                .expectEvents(event(new NoteAmended(NOTE, PATIENT, "Feeling much better.", "typo"), author()));
    }

    @Test
    void amendNote_isAccepted_againAfterAnEarlierAmendment() {
        fixture.given(event(drafted(NoteKind.CLINICAL), author()), event(SIGNED, author()),
                        event(new NoteAmended(NOTE, PATIENT, "Feeling much better.", "typo"), author()))
                .when(new AmendNote(NOTE, PATIENT, "Feeling much better today.", "addendum", null), colleague())
                .expectEvents(new NoteAmended(NOTE, PATIENT, "Feeling much better today.", "addendum"));
    }

    @Test
    void amendNote_isRejected_whenTheNoteIsStillADraft() {
        fixture.given(event(drafted(NoteKind.CLINICAL), author()))
                .when(new AmendNote(NOTE, PATIENT, "Feeling much better.", "typo", null), author())
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void amendNote_isNotFound_forAnotherTenant() {
        fixture.given(event(drafted(NoteKind.CLINICAL), author()), event(SIGNED, author()))
                .when(new AmendNote(NOTE, PATIENT, "Feeling much better.", "typo", null), otherTenant())
                .expectException(RecordNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void amendNote_isNotFound_forAnotherPatient() {
        fixture.given(event(drafted(NoteKind.CLINICAL), author()), event(SIGNED, author()))
                .when(new AmendNote(NOTE, OTHER_PATIENT, "Feeling much better.", "typo", null), author())
                .expectException(RecordNotFoundException.class)
                .expectNoEvents();
    }
}
