package dev.bonfire.domain.observation;

import dev.bonfire.domain.common.ClinicalDateTime;
import dev.bonfire.domain.common.CodeableConcept;
import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.domain.common.Quantity;
import java.util.stream.Stream;

/** The result of an observation (FHIR value[x]): exactly one of its parts is present. */
public record ObservationValue(
        Quantity quantity,
        CodeableConcept concept,
        String text,
        Boolean bool,
        Integer integer,
        ClinicalDateTime dateTime) {

    public ObservationValue {
        long present = Stream.of(quantity, concept, text, bool, integer, dateTime).filter(v -> v != null).count();
        if (present != 1) {
            throw new InvalidCommandException("an observation value has exactly one of quantity, concept, text, bool, integer, dateTime");
        }
    }

    public static ObservationValue of(Quantity quantity) {
        return new ObservationValue(quantity, null, null, null, null, null);
    }

    public static ObservationValue of(CodeableConcept concept) {
        return new ObservationValue(null, concept, null, null, null, null);
    }

    public static ObservationValue ofText(String text) {
        return new ObservationValue(null, null, text, null, null, null);
    }
}
