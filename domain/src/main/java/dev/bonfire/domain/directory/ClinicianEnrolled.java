package dev.bonfire.domain.directory;

import dev.bonfire.domain.common.HumanName;
import java.util.List;

/** A clinician was enrolled in the directory. */
public record ClinicianEnrolled(
        String clinicianId,
        String userId,
        List<HumanName> names) implements DirectoryEvent {
}
