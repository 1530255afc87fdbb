package dev.bonfire.query.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import org.jooq.JSONB;

/**
 * Writes the API view records ({@code dev.bonfire.query.api}) into jsonb columns and reads them back,
 * so a jsonb column holds exactly what the API returns. Decimals inside are already strings in those
 * records ({@code "1.50"}), so no JSON number ever carries a clinical value.
 */
public final class ViewJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ViewJson() {
    }

    /** The value as jsonb, or SQL null for {@code null}. */
    public static JSONB write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSONB.valueOf(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + value.getClass().getSimpleName() + " as json", e);
        }
    }

    public static <T> T read(JSONB json, Class<T> type) {
        if (json == null) {
            return null;
        }
        return read(json, MAPPER.getTypeFactory().constructType(type));
    }

    /** A list column; SQL null reads as an empty list. */
    public static <T> List<T> readList(JSONB json, Class<T> elementType) {
        if (json == null) {
            return List.of();
        }
        return read(json, MAPPER.getTypeFactory().constructCollectionType(List.class, elementType));
    }

    private static <T> T read(JSONB json, JavaType type) {
        try {
            return MAPPER.readValue(json.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a read-model jsonb column does not hold a " + type.toCanonical(), e);
        }
    }
}
