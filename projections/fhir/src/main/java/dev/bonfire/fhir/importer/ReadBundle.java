package dev.bonfire.fhir.importer;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Resource;

/**
 * A bundle (or a single resource, as a one-entry bundle) that was read strictly and validated.
 *
 * @param sha256                  SHA-256 of the bytes as received
 * @param bundleType              Bundle.type, or {@code null} for a single resource
 * @param entries                 the entries in order
 * @param ignoredValidationErrors validator errors inside resources of types that are not modelled, by type
 * @param readMillis              time spent decoding and parsing
 * @param validateMillis          time spent in the instance validator
 */
public record ReadBundle(String sha256, String bundleType, List<Entry> entries, Map<String, Integer> ignoredValidationErrors,
                         long readMillis, long validateMillis) {

    public ReadBundle {
        entries = List.copyOf(entries);
        ignoredValidationErrors = Map.copyOf(ignoredValidationErrors);
    }

    /**
     * One entry.
     *
     * @param index        position in Bundle.entry (0 for a single resource)
     * @param fullUrl      Bundle.entry.fullUrl, or {@code null}
     * @param resourceType the resource's type, or, for an entry without resource, the type its request names
     * @param id           the resource's id exactly as written, or {@code null}
     * @param method       Bundle.entry.request.method, or {@code null}
     * @param requestUrl   Bundle.entry.request.url, or {@code null}
     * @param ifNoneExist  Bundle.entry.request.ifNoneExist (a conditional create), or {@code null}
     * @param resource     the parsed resource, or {@code null} for a request without resource (DELETE, GET)
     */
    public record Entry(int index, String fullUrl, String resourceType, String id, String method, String requestUrl,
                        String ifNoneExist, Resource resource) {
    }
}
