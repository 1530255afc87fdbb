package dev.bonfire.domain.common;

/** A time span; either end may be open. */
public record Period(ClinicalDateTime start, ClinicalDateTime end) {
    public Period {
        // a partial end covers its whole year, month or day: 2020-06 to 2020 is a valid period
        if (start != null && end != null && !end.upperBound().isAfter(start.lowerBound())) {
            throw new InvalidCommandException("a period cannot end before it starts");
        }
    }
}
