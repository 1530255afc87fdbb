package dev.bonfire.domain;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The Jackson settings events are stored with; the app's Axon {@code JacksonSerializer} must use the same.
 * The domain itself does not depend on jackson-databind, so they live here, in the tests that pin them.
 */
public final class EventJson {

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                // 1.50 is read as BigDecimal 1.50, never as a double
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // ... and written as 1.50, never 1.5E+0
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                // ... and kept as 1.50 in a JsonNode tree (Axon's upcasters work on trees); Jackson strips by default
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // an event written by a newer version, or with a field since removed, stays readable
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
