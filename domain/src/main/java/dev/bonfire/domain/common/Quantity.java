package dev.bonfire.domain.common;

import java.math.BigDecimal;

/**
 * A measured amount. The value is a {@link BigDecimal} so its written precision survives: 1.50 stays
 * 1.50 through the event log and every projection.
 */
public record Quantity(BigDecimal value, String comparator, String unit, String system, String code) {
    public Quantity {
        if (value == null) {
            throw new InvalidCommandException("a quantity needs a value");
        }
        // FHIR decimals are at most 18 significant digits in practice; an exponent such as 1e-5000 would be
        // written out in full when stored and could not be read back (it stopped every projection)
        if (value.precision() > 40 || value.scale() > 30 || value.scale() < -30) {
            throw new InvalidCommandException("a quantity value must have at most 40 digits and 30 decimal places");
        }
        if (comparator != null && !comparator.matches("<|<=|>=|>")) {
            throw new InvalidCommandException("quantity comparator must be one of <, <=, >=, >");
        }
    }
}
