package dev.bonfire.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bonfire.policy.event.AccessRecorded;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The {@link AccessRecorded} events in a test's event store, read back as stored (JSON payload and
 * metadata), so tests see exactly what an auditor would.
 */
public final class AccessRecords {

    public static final String TYPE = AccessRecorded.class.getName();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;

    AccessRecords(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The access records of one request, by the request id it was sent with ({@code X-Request-Id}). */
    public List<Entry> ofRequest(String requestId) {
        return query("select global_index, convert_from(payload, 'UTF8'), convert_from(meta_data, 'UTF8') from domain_event_entry"
                + " where payload_type = ? and convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' = ? order by global_index",
                TYPE, requestId);
    }

    /** Every access record, oldest first. */
    public List<Entry> all() {
        return query("select global_index, convert_from(payload, 'UTF8'), convert_from(meta_data, 'UTF8') from domain_event_entry"
                + " where payload_type = ? order by global_index", TYPE);
    }

    /** How many access records there are. */
    public long count() {
        return all().size();
    }

    private List<Entry> query(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(rows.getLong(1), rows.getString(2), rows.getString(3)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One stored access record: its payload and metadata as JSON text and trees. */
    public record Entry(long position, String payloadText, String metaDataText) {

        public JsonNode payload() {
            return tree(payloadText);
        }

        public JsonNode metaData() {
            return tree(metaDataText);
        }

        public String outcome() {
            return payload().path("outcome").asText();
        }

        public String rule() {
            return payload().path("rule").asText();
        }

        public String door() {
            return payload().path("door").asText();
        }

        public String action() {
            return payload().path("action").asText();
        }

        public List<String> recordIds() {
            return strings(payload().path("recordIds"));
        }

        public List<String> patientIds() {
            return strings(payload().path("patientIds"));
        }

        public int resultCount() {
            return payload().path("resultCount").asInt();
        }

        private static List<String> strings(JsonNode array) {
            List<String> values = new ArrayList<>();
            array.forEach(value -> values.add(value.asText()));
            return values;
        }

        private static JsonNode tree(String text) {
            try {
                return JSON.readTree(text);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
