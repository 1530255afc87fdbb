package dev.bonfire.domain.patient;

import dev.bonfire.domain.common.Address;
import dev.bonfire.domain.common.ClinicalDateTime;
import dev.bonfire.domain.common.ContactPoint;
import dev.bonfire.domain.common.Identifier;
import dev.bonfire.domain.common.HumanName;
import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.domain.common.Require;
import java.util.List;
import java.util.Set;

/** Who the patient is: the demographics record kind. {@code gender} uses FHIR administrative-gender codes. */
public record Demographics(
        List<HumanName> names,
        String gender,
        ClinicalDateTime birthDate,
        List<Identifier> identifiers,
        List<Address> addresses,
        List<ContactPoint> telecom,
        String maritalStatus) {

    private static final Set<String> GENDERS = Set.of("male", "female", "other", "unknown");

    public Demographics {
        names = Require.list(names);
        identifiers = Require.list(identifiers);
        addresses = Require.list(addresses);
        telecom = Require.list(telecom);
        if (names.isEmpty()) {
            throw new InvalidCommandException("a patient needs at least one name");
        }
        if (gender != null && !GENDERS.contains(gender)) {
            throw new InvalidCommandException("gender must be one of " + GENDERS);
        }
        if (birthDate != null && birthDate.precision() == ClinicalDateTime.Precision.TIME) {
            throw new InvalidCommandException("birthDate is a date, not a dateTime");
        }
    }
}
