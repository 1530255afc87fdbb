package dev.bonfire.query.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A patient's demographics.
 *
 * @param birthDate  as written; may be partial
 * @param deceasedAt as written, or {@code null} when unknown or alive ({@code deceased} tells which)
 * @param version    the patient's version: sequence number of the last event applied
 */
@Serdeable
public record PatientDetails(
        String id,
        List<NameView> names,
        String gender,
        String birthDate,
        boolean deceased,
        String deceasedAt,
        List<IdentifierView> identifiers,
        List<AddressView> addresses,
        List<ContactPointView> telecom,
        String maritalStatus,
        Long version) {
}
