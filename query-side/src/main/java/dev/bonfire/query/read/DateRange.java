package dev.bonfire.query.read;

import dev.bonfire.domain.common.ClinicalDateTime;
import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.query.support.Bounds;
import java.time.OffsetDateTime;

/**
 * A date range filter given as two FHIR dates or dateTimes, each optional. The range covers every
 * instant from the start of {@code from} to the end of {@code to} at their written precision:
 * {@code from=2024-03&to=2024-03} is all of March 2024 (partial dates in UTC, like the stored bounds).
 *
 * <p>A record matches when its own (possibly partial) date <em>overlaps</em> the range: an observation
 * effective {@code 2024-03} (all of March) matches {@code from=2024-03-15&to=2024-03-15}, and one
 * effective {@code 2024-03-31T23:30:00-02:00} (01:30 UTC on April 1st) matches {@code from=2024-04-01}.
 * A dateTime with a time stands for its microsecond (see {@link Bounds}), so
 * {@code from=to=2024-04-01T01:30:00Z} finds what happened at exactly that instant. A record without a
 * date never matches a range that has a bound.
 */
public record DateRange(ClinicalDateTime from, ClinicalDateTime to) {

    public static final DateRange ANY = new DateRange(null, null);

    public DateRange {
        if (from != null && to != null && !from.lowerBound().isBefore(to.upperBound())) {
            throw new InvalidCommandException("from (" + from + ") must not be after to (" + to + ")");
        }
    }

    public static DateRange parse(String from, String to) {
        return new DateRange(date("from", from), date("to", to));
    }

    /** Inclusive start of the range, or {@code null} for none. */
    OffsetDateTime lower() {
        return Bounds.lower(from);
    }

    /** Exclusive end of the range, or {@code null} for none. */
    OffsetDateTime upper() {
        return Bounds.upper(to);
    }

    boolean unbounded() {
        return from == null && to == null;
    }

    private static ClinicalDateTime date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new ClinicalDateTime(value.strip());
        } catch (InvalidCommandException e) {
            throw new InvalidCommandException(name + " must be a FHIR date or dateTime (such as 2024, 2024-03, 2024-03-05 or "
                    + "2024-03-05T10:00:00+01:00), was '" + Params.shorten(value) + "'");
        }
    }
}
