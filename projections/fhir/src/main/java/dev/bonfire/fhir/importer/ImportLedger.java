package dev.bonfire.fhir.importer;

import static dev.bonfire.fhir.importer.schema.Tables.FHIR_IMPORT_BUNDLE;
import static dev.bonfire.fhir.importer.schema.Tables.FHIR_IMPORT_IDENTIFIER;

import dev.bonfire.fhir.importer.MappedBundle.IdentifierKey;
import dev.bonfire.policy.jdbc.TenantSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep5;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The import ledger ({@code fhir_import_bundle}, {@code fhir_import_identifier}): which bundles a tenant
 * imported, and the business identifiers of imported resources, kept only as digests. Reads and writes
 * go through the current thread's transaction, scoped to the tenant (and by row-level security).
 */
final class ImportLedger {

    private final ConnectionProvider connections;

    ImportLedger(ConnectionProvider connections) {
        this.connections = connections;
    }

    /** When these bytes were imported for the tenant, if they were. */
    Optional<Instant> importedAt(String tenant, String sha256) {
        return query(tenant, db -> db.select(FHIR_IMPORT_BUNDLE.IMPORTED_AT).from(FHIR_IMPORT_BUNDLE)
                .where(FHIR_IMPORT_BUNDLE.TENANT_ID.eq(tenant).and(FHIR_IMPORT_BUNDLE.BUNDLE_SHA256.eq(sha256)))
                .fetchOptional(FHIR_IMPORT_BUNDLE.IMPORTED_AT)
                .map(at -> at.toInstant()));
    }

    /**
     * Serialises the tenant's imports until the current transaction ends, so that two imports of the
     * same bytes, or of bundles that share records, never race.
     */
    void lockTenant(String tenant) {
        query(tenant, db -> db.select(DSL.function("pg_advisory_xact_lock", SQLDataType.OTHER,
                DSL.function("hashtext", SQLDataType.INTEGER, DSL.val("bonfire.fhir-import:" + tenant)))).fetch());
    }

    /** The record an earlier import made of a resource of this type carrying this identifier. */
    Optional<String> recordIdByIdentifier(String tenant, String resourceType, String system, String value) {
        String digest = RecordIds.identifierDigest(system, value);
        return query(tenant, db -> db.select(FHIR_IMPORT_IDENTIFIER.RECORD_ID).from(FHIR_IMPORT_IDENTIFIER)
                .where(FHIR_IMPORT_IDENTIFIER.TENANT_ID.eq(tenant)
                        .and(FHIR_IMPORT_IDENTIFIER.RESOURCE_TYPE.eq(resourceType))
                        .and(FHIR_IMPORT_IDENTIFIER.IDENTIFIER_SHA256.eq(digest)))
                .fetchOptional(FHIR_IMPORT_IDENTIFIER.RECORD_ID));
    }

    /** Writes the bundle and the identifiers of its records; an identifier already known keeps its first record. */
    void record(String tenant, String sha256, String actor, int entries, int created, Map<IdentifierKey, String> identifiers) {
        query(tenant, db -> {
            db.insertInto(FHIR_IMPORT_BUNDLE)
                    .set(FHIR_IMPORT_BUNDLE.TENANT_ID, tenant)
                    .set(FHIR_IMPORT_BUNDLE.BUNDLE_SHA256, sha256)
                    .set(FHIR_IMPORT_BUNDLE.ACTOR_ID, actor)
                    .set(FHIR_IMPORT_BUNDLE.ENTRY_COUNT, entries)
                    .set(FHIR_IMPORT_BUNDLE.CREATED_COUNT, created)
                    .execute();
            // one digest once, whichever of the bundle's resources carried it first
            Map<String, Map.Entry<IdentifierKey, String>> unique = new LinkedHashMap<>();
            identifiers.entrySet().forEach(e -> unique.putIfAbsent(
                    e.getKey().resourceType() + '|' + RecordIds.identifierDigest(e.getKey().system(), e.getKey().value()), e));
            insertIdentifiers(db, tenant, sha256, unique.values());
            return null;
        });
    }

    private static void insertIdentifiers(DSLContext db, String tenant, String sha256, Collection<Map.Entry<IdentifierKey, String>> identifiers) {
        if (identifiers.isEmpty()) {
            return;
        }
        InsertValuesStep5<?, String, String, String, String, String> insert = db.insertInto(FHIR_IMPORT_IDENTIFIER,
                FHIR_IMPORT_IDENTIFIER.TENANT_ID, FHIR_IMPORT_IDENTIFIER.RESOURCE_TYPE, FHIR_IMPORT_IDENTIFIER.IDENTIFIER_SHA256,
                FHIR_IMPORT_IDENTIFIER.RECORD_ID, FHIR_IMPORT_IDENTIFIER.BUNDLE_SHA256);
        for (Map.Entry<IdentifierKey, String> e : identifiers) {
            insert = insert.values(tenant, e.getKey().resourceType(),
                    RecordIds.identifierDigest(e.getKey().system(), e.getKey().value()), e.getValue(), sha256);
        }
        insert.onConflictDoNothing().execute();
    }

    private <T> T query(String tenant, Function<DSLContext, T> work) {
        try (Connection connection = connections.getConnection()) {
            TenantSql.bind(connection, tenant);
            return work.apply(DSL.using(connection, SQLDialect.POSTGRES));
        } catch (SQLException e) {
            throw new IllegalStateException("the import ledger is unavailable", e);
        }
    }
}
