package dev.bonfire.query.read;

import java.time.OffsetDateTime;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The overlap test of a stored [lower, upper) pair against a {@link DateRange}. */
final class Ranges {

    private Ranges() {
    }

    static Condition overlaps(Field<OffsetDateTime> lower, Field<OffsetDateTime> upper, DateRange range) {
        if (range.unbounded()) {
            return DSL.noCondition();
        }
        Condition condition = lower.isNotNull();
        if (range.upper() != null) {
            condition = condition.and(lower.lt(range.upper()));
        }
        if (range.lower() != null) {
            condition = condition.and(upper.gt(range.lower()));
        }
        return condition;
    }
}
