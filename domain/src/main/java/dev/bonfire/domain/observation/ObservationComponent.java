package dev.bonfire.domain.observation;

import dev.bonfire.domain.common.CodeableConcept;
import dev.bonfire.domain.common.Require;

/** One part of a multi-part observation, such as the systolic half of a blood pressure. */
public record ObservationComponent(CodeableConcept code, ObservationValue value) {
    public ObservationComponent {
        Require.present(code, "component code");
    }
}
