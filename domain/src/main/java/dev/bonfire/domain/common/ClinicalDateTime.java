package dev.bonfire.domain.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * A FHIR date or dateTime kept exactly as written: a partial date stays partial ({@code 1980-07}) and a
 * time keeps its offset ({@code 2019-03-01T10:00:00+01:00}). Bounds are derived for range queries; a
 * partial value covers its whole year, month or day (in UTC). In JSON it is the plain FHIR string.
 */
public record ClinicalDateTime(@JsonValue String value) {

    /** How much of the value was written. */
    public enum Precision { YEAR, MONTH, DAY, TIME }

    private static final Pattern FHIR_DATE_TIME = Pattern.compile(
            "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)"
                    + "(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])"
                    + "(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]{1,9})?(Z|([+-])((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ClinicalDateTime {
        if (value == null || !FHIR_DATE_TIME.matcher(value).matches()) {
            throw new InvalidCommandException("not a FHIR date or dateTime: " + (value == null ? "null" : "'" + value + "'"));
        }
        try {
            lowerBoundOf(value);
        } catch (RuntimeException e) {
            throw new InvalidCommandException("not a calendar date: '" + value + "'");
        }
    }

    public static ClinicalDateTime of(String value) {
        return value == null ? null : new ClinicalDateTime(value);
    }

    public Precision precision() {
        return switch (value.length()) {
            case 4 -> Precision.YEAR;
            case 7 -> Precision.MONTH;
            case 10 -> Precision.DAY;
            default -> Precision.TIME;
        };
    }

    /** The earliest instant the value can mean. */
    public Instant lowerBound() {
        return lowerBoundOf(value);
    }

    /** The first instant after everything the value can mean (exclusive upper bound). */
    public Instant upperBound() {
        return switch (precision()) {
            case YEAR -> Year.parse(value).plusYears(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            case MONTH -> YearMonth.parse(value).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            case DAY -> LocalDate.parse(value).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            case TIME -> OffsetDateTime.parse(value).toInstant().plusNanos(1);
        };
    }

    private static Instant lowerBoundOf(String value) {
        return switch (value.length()) {
            case 4 -> Year.parse(value).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            case 7 -> YearMonth.parse(value).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            case 10 -> LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
            default -> OffsetDateTime.parse(value).toInstant();
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
