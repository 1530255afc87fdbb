package dev.bonfire.domain.common;

/** A time span; either end may be open. */
public record Period(ClinicalDateTime start, ClinicalDateTime end) {
    public Period {
        if (start != null && end != null && end.lowerBound().isBefore(start.lowerBound())) {
            throw new InvalidCommandException("a period cannot end before it starts");
        }
    }
}
