package dev.bonfire.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.domain.common.RecordKind;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The policy file format: what is written reads back the same, and a bad document is refused whole. */
class TenantPolicyDocumentsTest {

    private static final String VALID = """
            {
              "roles": {
                "clinician": {"reads": ["DEMOGRAPHICS", "OBSERVATION"], "writes": ["OBSERVATION"]},
                "front-desk": {"reads": ["DEMOGRAPHICS"], "writes": ["DEMOGRAPHICS"]}
              },
              "assignmentRequired": ["clinician"],
              "breakGlass": {"roles": ["clinician"], "minutes": 60},
              "consent": {"model": "opt-out"}
            }""";

    @Test
    void theDefaults_readBackAsTheDefaults() {
        TenantPolicy defaults = TenantPolicy.defaults();

        String document = TenantPolicyDocuments.write(defaults);
        TenantPolicy read = TenantPolicyDocuments.parse(document);

        assertThat(read.roles().grants()).isEqualTo(defaults.roles().grants());
        assertThat(read.assignmentRequiredRoles()).isEqualTo(defaults.assignmentRequiredRoles());
        assertThat(read.breakGlassRoles()).isEqualTo(defaults.breakGlassRoles());
        assertThat(read.breakGlassWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(read.consentModel()).isEqualTo(TenantPolicy.ConsentModel.OPT_OUT);
        assertThat(TenantPolicyDocuments.write(read)).isEqualTo(document);
    }

    @Test
    void aPolicyBuiltInJava_readsBackTheSame_inAStableText() {
        TenantPolicy built = new TenantPolicy(
                RolePolicy.builder()
                        .role("nurse").reads(Set.of(RecordKind.OBSERVATION, RecordKind.DEMOGRAPHICS)).writes(Set.of(RecordKind.OBSERVATION))
                        .role("psychotherapy-reviewer").reads(Set.of(RecordKind.PSYCHOTHERAPY_NOTE)).writes(Set.of())
                        .build(),
                Set.of("nurse"), Set.of(), Duration.ofMinutes(15), TenantPolicy.ConsentModel.OPT_IN);

        String document = TenantPolicyDocuments.write(built);
        TenantPolicy read = TenantPolicyDocuments.parse(document);

        assertThat(read.roles().grants()).isEqualTo(built.roles().grants());
        assertThat(read.assignmentRequiredRoles()).containsExactly("nurse");
        assertThat(read.breakGlassRoles()).isEmpty();
        assertThat(read.breakGlassWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(read.consentModel()).isEqualTo(TenantPolicy.ConsentModel.OPT_IN);
        assertThat(document).contains("\"opt-in\"").contains("\"minutes\" : 15");
        assertThat(TenantPolicyDocuments.write(read)).isEqualTo(document);
    }

    @Test
    void aHandWrittenDocument_isRead() {
        TenantPolicy policy = TenantPolicyDocuments.parse(VALID);

        assertThat(policy.roles().grantOf("clinician").orElseThrow().writes()).containsExactly(RecordKind.OBSERVATION);
        assertThat(policy.roles().grantOf("admin")).as("a role that is not listed may do nothing").isEmpty();
    }

    @Test
    void theWindow_mayBeAnythingFromOneMinuteToADay() {
        assertThat(TenantPolicyDocuments.parse(VALID.replace("\"minutes\": 60", "\"minutes\": 1")).breakGlassWindow()).isEqualTo(Duration.ofMinutes(1));
        assertThat(TenantPolicyDocuments.parse(VALID.replace("\"minutes\": 60", "\"minutes\": 1440")).breakGlassWindow()).isEqualTo(Duration.ofHours(24));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "unknown kind|\"OBSERVATION\"]|\"LAB_RESULT\"]",
        "unknown top-level field|\"consent\":|\"comment\": \"x\", \"consent\":",
        "unknown field in a grant|\"writes\": [\"DEMOGRAPHICS\"]}|\"writes\": [\"DEMOGRAPHICS\"], \"deletes\": []}",
        "duplicate key|\"assignmentRequired\": [\"clinician\"],|\"assignmentRequired\": [\"clinician\"], \"assignmentRequired\": [],",
        "duplicate role|\"front-desk\": {|\"clinician\": {\"reads\": [], \"writes\": []}, \"front-desk\": {",
        "bad consent model|\"opt-out\"|\"opt-maybe\"",
        "consent model in another case|\"opt-out\"|\"OPT_OUT\"",
        "window of zero|\"minutes\": 60|\"minutes\": 0",
        "negative window|\"minutes\": 60|\"minutes\": -5",
        "window over a day|\"minutes\": 60|\"minutes\": 1441",
        "missing window|, \"minutes\": 60|",
        "missing section|\"assignmentRequired\": [\"clinician\"],|",
        "null section|\"consent\": {\"model\": \"opt-out\"}|\"consent\": null",
        "null grant|\"front-desk\": {\"reads\": [\"DEMOGRAPHICS\"], \"writes\": [\"DEMOGRAPHICS\"]}|\"front-desk\": null",
        "null kind|[\"OBSERVATION\"]|[null]",
        "null role|\"assignmentRequired\": [\"clinician\"]|\"assignmentRequired\": [null]",
        "undefined role needing assignment|\"assignmentRequired\": [\"clinician\"]|\"assignmentRequired\": [\"clinican\"]",
        "undefined role breaking the glass|\"roles\": [\"clinician\"]|\"roles\": [\"nurse\"]",
    })
    void aBadDocument_isRefusedWhole_asInvalidInput(String testCase) {
        String[] parts = testCase.split("\\|", -1);
        assertThat(VALID).as("the case '%s' edits the valid document", parts[0]).contains(parts[1]);
        String bad = VALID.replace(parts[1], parts[2]);

        assertThatThrownBy(() -> TenantPolicyDocuments.parse(bad))
                .as(parts[0])
                .isInstanceOf(InvalidCommandException.class)
                .hasMessageNotContaining("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "{", "\"roles\"", "{}"})
    void notADocumentAtAll_isRefused(String text) {
        assertThatThrownBy(() -> TenantPolicyDocuments.parse(text)).isInstanceOf(InvalidCommandException.class);
    }
}
