package dev.bonfire.policy.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.policy.Action;
import dev.bonfire.policy.Decision;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Access records are stored by class name as JSON, like every event: the name and the shape are frozen.
 * The golden sample must still read back, and a record must still write as it.
 */
class AccessRecordedStoredFormTest {

    /** As the app's serializer reads events: unknown properties tolerated, so old records stay readable. */
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final AccessRecorded SAMPLE = new AccessRecorded("GET /api/patients/{id}/observations", Action.SEARCH,
            RecordKind.OBSERVATION, List.of("p-1"), List.of("o-1", "o-2"), Decision.Outcome.PERMIT, "break-the-glass",
            "unconscious, no care team on shift", "hmac-sha256:" + "0123456789abcdef".repeat(4), 2);

    @Test
    void theStoredName_isFrozen() {
        assertThat(AccessRecorded.class.getName()).isEqualTo("dev.bonfire.policy.event.AccessRecorded");
        assertThat(AccessRecorded.class.getEnclosingClass()).isNull();
    }

    @Test
    void theGoldenSample_readsBack_andARecordWritesAsIt() throws IOException {
        String golden = golden();

        assertThat(JSON.readValue(golden, AccessRecorded.class)).isEqualTo(SAMPLE);
        assertThat(JSON.readTree(JSON.writeValueAsString(SAMPLE))).isEqualTo(JSON.readTree(golden));
    }

    @Test
    void idsAreKeptOnceEach_inOrder_andAbsentOnesLeftOut() {
        AccessRecorded record = AccessRecorded.permitted("d", Action.READ, null, java.util.Arrays.asList("p-1", null, "p-1"),
                List.of("b", "a", "b"), Decision.permit("role-grant", "ok"), null, 2);

        assertThat(record.patientIds()).containsExactly("p-1");
        assertThat(record.recordIds()).containsExactly("b", "a");
    }

    private static String golden() throws IOException {
        try (InputStream in = AccessRecordedStoredFormTest.class.getResourceAsStream("/golden/AccessRecorded.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
