package dev.bonfire.query.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bonfire.domain.common.ClinicalDateTime;
import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.query.api.CodingView;
import dev.bonfire.query.support.Bounds;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Query parameters are parsed strictly, without a database: a bad one is a 400 with a message that says why. */
class SearchParametersTest {

    @Test
    void aPartialRange_coversTheWholeMonthsItNames() {
        DateRange range = DateRange.parse("2024-02", "2024-03");

        assertThat(range.lower()).isEqualTo(OffsetDateTime.parse("2024-02-01T00:00:00Z"));
        assertThat(range.upper()).isEqualTo(OffsetDateTime.parse("2024-04-01T00:00:00Z"));
    }

    @Test
    void aTime_coversItsMicrosecond_withFinerDigitsCutNotRounded() {
        ClinicalDateTime time = new ClinicalDateTime("2024-03-05T08:15:00.123456789+01:00");

        assertThat(Bounds.lower(time)).isEqualTo(OffsetDateTime.parse("2024-03-05T07:15:00.123456Z"));
        assertThat(Bounds.upper(time)).isEqualTo(OffsetDateTime.parse("2024-03-05T07:15:00.123457Z"));
    }

    @Test
    void aMalformedDate_isInvalid_namingTheParameter() {
        assertThatThrownBy(() -> DateRange.parse("2024-13", null)).isInstanceOf(InvalidCommandException.class)
                .hasMessageStartingWith("from must be a FHIR date or dateTime").hasMessageEndingWith("was '2024-13'");
        assertThatThrownBy(() -> DateRange.parse(null, "yesterday")).isInstanceOf(InvalidCommandException.class)
                .hasMessageStartingWith("to must be a FHIR date or dateTime");
        assertThatThrownBy(() -> DateRange.parse("2024-02-30", null)).isInstanceOf(InvalidCommandException.class);
        assertThatThrownBy(() -> DateRange.parse("2024-03-05T10:00:00", null)).as("a time without offset")
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void fromAfterTo_isInvalid() {
        assertThatThrownBy(() -> DateRange.parse("2024-04", "2024-03")).isInstanceOf(InvalidCommandException.class)
                .hasMessage("from (2024-04) must not be after to (2024-03)");
        assertThat(DateRange.parse("2024-03-31", "2024-03")).isNotNull();
    }

    @Test
    void codeTokens_parseAsCodeOrSystemAndCode() {
        assertThat(CodeFilter.parse("8867-4").tokens()).containsExactly(new CodingView(null, "8867-4", null));
        assertThat(CodeFilter.parse("http://loinc.org|8867-4, http://loinc.org|").tokens()).containsExactly(
                new CodingView("http://loinc.org", "8867-4", null), new CodingView("http://loinc.org", null, null));
        assertThat(CodeFilter.parse(" ").tokens()).isEmpty();
    }

    @Test
    void malformedCodeTokens_areInvalid() {
        assertThatThrownBy(() -> CodeFilter.parse("|8867-4")).isInstanceOf(InvalidCommandException.class)
                .hasMessageContaining("a code without a system");
        assertThatThrownBy(() -> CodeFilter.parse("a|b|c")).isInstanceOf(InvalidCommandException.class);
        assertThatThrownBy(() -> CodeFilter.parse("a,,b")).isInstanceOf(InvalidCommandException.class)
                .hasMessage("code has an empty entry");
        assertThatThrownBy(() -> CodeFilter.parse("x,".repeat(20) + "x")).isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void includeEnteredInError_isTrueOrFalse() {
        assertThat(ClinicalSearch.parse(null, null, null, "true", null, null).includeEnteredInError()).isTrue();
        assertThat(ClinicalSearch.parse(null, null, null, null, null, null).includeEnteredInError()).isFalse();
        assertThatThrownBy(() -> ClinicalSearch.parse(null, null, null, "yes", null, null)).isInstanceOf(InvalidCommandException.class)
                .hasMessage("includeEnteredInError must be true or false, was 'yes'");
    }

    @Test
    void aLongBadValue_isCutShortInTheMessage() {
        assertThatThrownBy(() -> Paging.parse("9".repeat(500), null)).isInstanceOf(InvalidCommandException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(100));
    }
}
