package dev.bonfire.query.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An observation of a patient.
 *
 * @param effective        as written (may be partial, keeps its offset)
 * @param issued           as written
 * @param amended          the result was amended; {@code amendmentReason} says why
 * @param enteredInError   the observation was withdrawn ({@code status} is {@code entered-in-error})
 */
@Serdeable
public record ObservationDetails(
        String id,
        String patientId,
        String encounterId,
        String status,
        List<ConceptView> categories,
        ConceptView code,
        String effective,
        String issued,
        ValueView value,
        List<ComponentView> components,
        boolean amended,
        String amendmentReason,
        boolean enteredInError,
        String enteredInErrorReason,
        Long version) {
}
