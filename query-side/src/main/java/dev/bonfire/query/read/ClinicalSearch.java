package dev.bonfire.query.read;

/**
 * The filter of a patient's clinical list (observations, conditions).
 *
 * @param code                  which codes (see {@link CodeFilter}); {@link CodeFilter#ANY} for all
 * @param range                 the date range the record's date must overlap (see {@link DateRange}):
 *                              an observation's {@code effective}, a condition's {@code onset}
 * @param includeEnteredInError entered-in-error records are left out unless this is {@code true}
 * @param paging                which page
 */
public record ClinicalSearch(CodeFilter code, DateRange range, boolean includeEnteredInError, Paging paging) {

    public ClinicalSearch {
        code = code == null ? CodeFilter.ANY : code;
        range = range == null ? DateRange.ANY : range;
        paging = paging == null ? Paging.parse(null, null) : paging;
    }

    public static ClinicalSearch parse(String code, String from, String to, String includeEnteredInError, String limit, String offset) {
        return new ClinicalSearch(CodeFilter.parse(code), DateRange.parse(from, to),
                Params.flag("includeEnteredInError", includeEnteredInError), Paging.parse(limit, offset));
    }

    public static ClinicalSearch all() {
        return new ClinicalSearch(null, null, false, null);
    }
}
