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
        if (comparator != null && !comparator.matches("<|<=|>=|>")) {
            throw new InvalidCommandException("quantity comparator must be one of <, <=, >=, >");
        }
    }
}
