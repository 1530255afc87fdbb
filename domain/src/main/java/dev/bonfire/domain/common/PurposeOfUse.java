package dev.bonfire.domain.common;

import java.util.Set;

/**
 * The purposes of use bonfire accepts: codes of HL7 v3 PurposeOfUse (2.16.840.1.113883.1.11.20448),
 * exactly as written (case matters). A request or a consent naming any other purpose is refused, so a
 * purpose can never be a free-text way around a withdrawn consent.
 */
public final class PurposeOfUse {

    /** Emergency treatment: the only purpose that can break the glass. */
    public static final String EMERGENCY_TREATMENT = "ETREAT";

    public static final Set<String> CODES = Set.of(
            "TREAT", "ETREAT", "HPAYMT", "HOPERAT", "CAREMGT", "PATRQT", "FAMRQT", "PWATRNY", "SUPNWK",
            "PUBHLTH", "HRESCH", "HSYSADMIN", "HQUALIMP", "HACCRED", "HLEGAL", "COVERAGE", "CLMATTCH",
            "HMARKT", "HDIRECT", "TRAIN", "COC", "DONAT", "FRAUD", "GOV", "HCOMPL", "HDM", "HOUTCOMS",
            "HPRGRP", "HTEST", "LEGAL", "MEMADMIN", "MILCDM", "PATADMIN", "PATSFTY", "PERFMSR",
            "RECORDMGT", "BTG", "ERTREAT");

    private PurposeOfUse() {
    }

    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }
}
