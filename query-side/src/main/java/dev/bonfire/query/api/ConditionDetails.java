package dev.bonfire.query.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A condition of a patient. Dates as written.
 *
 * @param enteredInError the condition was withdrawn ({@code verificationStatus} is {@code entered-in-error})
 */
@Serdeable
public record ConditionDetails(
        String id,
        String patientId,
        String encounterId,
        String clinicalStatus,
        String verificationStatus,
        List<ConceptView> categories,
        ConceptView code,
        String onset,
        String abatement,
        String recordedDate,
        boolean enteredInError,
        String enteredInErrorReason,
        Long version) {
}
