package dev.bonfire.query.support;

import dev.bonfire.domain.common.ClinicalDateTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The [lower, upper) bounds of a FHIR date or dateTime as PostgreSQL {@code timestamptz} values (UTC).
 * A partial date covers its whole year, month or day (in UTC, as {@link ClinicalDateTime} defines).
 * A dateTime with a time covers the one microsecond it names: {@code timestamptz} holds microseconds,
 * so the domain's "plus one nanosecond" upper bound would round back onto the lower bound and the
 * value would overlap nothing. Digits below the microsecond are cut, never rounded.
 */
public final class Bounds {

    private Bounds() {
    }

    public static OffsetDateTime lower(ClinicalDateTime value) {
        return value == null ? null : utc(value.lowerBound().truncatedTo(ChronoUnit.MICROS));
    }

    public static OffsetDateTime upper(ClinicalDateTime value) {
        if (value == null) {
            return null;
        }
        if (value.precision() == ClinicalDateTime.Precision.TIME) {
            return utc(value.lowerBound().truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS));
        }
        return utc(value.upperBound());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
