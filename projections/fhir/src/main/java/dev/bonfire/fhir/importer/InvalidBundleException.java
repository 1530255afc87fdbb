package dev.bonfire.fhir.importer;

import java.util.List;

/** The input is not a valid, importable FHIR R4 bundle or resource; nothing of it was stored. */
public final class InvalidBundleException extends RuntimeException {

    private final transient List<ImportReport.Problem> problems;

    InvalidBundleException(List<ImportReport.Problem> problems) {
        super(problems.isEmpty() ? "invalid bundle" : describe(problems.get(0)));
        this.problems = List.copyOf(problems);
    }

    InvalidBundleException(ImportReport.Problem problem) {
        this(List.of(problem));
    }

    /** Every problem found (at most {@link ImportReport#MAX_PROBLEMS}), first one first. */
    public List<ImportReport.Problem> problems() {
        return problems;
    }

    static String describe(ImportReport.Problem p) {
        StringBuilder b = new StringBuilder();
        if (p.entryIndex() != null) {
            b.append("entry ").append(p.entryIndex());
            if (p.resourceType() != null) {
                b.append(" (").append(p.resourceType());
                if (p.fullUrl() != null) {
                    b.append(' ').append(p.fullUrl());
                }
                b.append(')');
            }
            b.append(": ");
        }
        if (p.location() != null) {
            b.append(p.location()).append(": ");
        }
        return b.append(p.message()).toString();
    }
}
