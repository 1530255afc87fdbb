package dev.bonfire.policy.access;

import java.util.Collection;
import java.util.List;

/**
 * What a door returned, by identifier only: the patients and records that left the server (for the
 * access record).
 *
 * @param patientIds the patients whose data was returned
 * @param recordIds  the records returned
 */
public record Disclosure(List<String> patientIds, List<String> recordIds) {

    public Disclosure {
        patientIds = patientIds == null ? List.of() : List.copyOf(patientIds);
        recordIds = recordIds == null ? List.of() : List.copyOf(recordIds);
    }

    /** Records of one patient. */
    public static Disclosure ofPatient(String patientId, Collection<String> recordIds) {
        return new Disclosure(List.of(patientId), List.copyOf(recordIds));
    }

    /** Patients themselves (their demographics records, whose id is the patient's). */
    public static Disclosure patients(Collection<String> patientIds) {
        return new Disclosure(List.copyOf(patientIds), List.copyOf(patientIds));
    }
}
