package dev.bonfire.fhir.importer;

import dev.bonfire.domain.common.IllegalTransitionException;
import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.domain.common.RecordNotFoundException;
import dev.bonfire.fhir.importer.ImportReport.Problem;
import dev.bonfire.fhir.importer.ImportReport.Status;
import dev.bonfire.fhir.importer.MappedBundle.IdentifierKey;
import dev.bonfire.fhir.importer.MappedBundle.Outcome;
import dev.bonfire.policy.AccessDeniedException;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.PolicyState;
import dev.bonfire.policy.RecordEntry;
import dev.bonfire.policy.RolePolicy;
import dev.bonfire.policy.access.AccessLog;
import dev.bonfire.policy.command.Callers;
import dev.bonfire.policy.jdbc.ThreadBoundTransactions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a FHIR R4 Bundle (transaction, batch, collection, searchset, document) or a single resource for
 * one tenant, all or nothing:
 * <ol>
 *   <li>the bytes are read strictly and validated ({@link FhirBundleReader}); an invalid input is rejected;</li>
 *   <li>in one database transaction (the tenant's imports are serialised by an advisory lock): when the same
 *       bytes were imported before, nothing happens ({@link Status#ALREADY_IMPORTED}); else every entry is
 *       mapped to commands ({@link FhirMapper}) and, if none is refused, the commands are sent synchronously
 *       through the command bus, and so through the access gate, as the tenant's import principal (role
 *       {@value RolePolicy#IMPORTER}, purpose {@value #PURPOSE}, via {@value #VIA}, the importing person as
 *       actor, source {@code fhir-import:<sha256>}, door {@value #DOOR} in access records, one correlation id
 *       for the whole import). A resource whose record exists already is counted and
 *       left unchanged. The ledger is written, and the transaction commits;</li>
 *   <li>on any refusal (mapping, gate, handler) the transaction rolls back and the report says why.</li>
 * </ol>
 * The report never carries values of the data. Safe for concurrent use.
 */
public final class FhirBundleImporter {

    /** Purpose of use of imports: healthcare operations (HL7 v3 PurposeOfUse). */
    public static final String PURPOSE = "HOPERAT";
    /** The "via" of imported commands. */
    public static final String VIA = "bonfire-import";
    /** The door named in the access records of imported commands. */
    public static final String DOOR = "fhir-import";

    private static final Logger LOG = LoggerFactory.getLogger(FhirBundleImporter.class);

    private final CommandGateway commands;
    private final ThreadBoundTransactions transactions;
    private final PolicyState policyState;
    private final FhirBundleReader reader;
    private final ImportLedger ledger;

    /**
     * @param commands     the command bus's gateway (same thread; the gate intercepts every command)
     * @param transactions the thread-bound transactions the bus, the event store and policy state share
     * @param policyState  policy state, to find records that exist already
     */
    public FhirBundleImporter(CommandGateway commands, ThreadBoundTransactions transactions, PolicyState policyState) {
        this(commands, transactions, policyState, FhirBundleReader.shared());
    }

    public FhirBundleImporter(CommandGateway commands, ThreadBoundTransactions transactions, PolicyState policyState,
                              FhirBundleReader reader) {
        this.commands = commands;
        this.transactions = transactions;
        this.policyState = policyState;
        this.reader = reader;
        this.ledger = new ImportLedger(transactions);
    }

    /** The reader (and its validator), for a warm-up at start-up. */
    public FhirBundleReader reader() {
        return reader;
    }

    /**
     * Imports one bundle (or resource) of FHIR R4 JSON for a tenant.
     *
     * @param tenant   the tenant the records belong to (from the caller's token, never from the data)
     * @param actor    who imports (recorded as the actor of every command)
     * @param json     the bytes; read fully, not closed
     * @param progress told about phases and entries stored
     * @return the report; {@link Status#REJECTED} when invalid or refused (then nothing was stored)
     */
    public ImportReport importBundle(String tenant, String actor, InputStream json, ProgressListener progress) {
        if (tenant == null || tenant.isBlank() || actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an import needs a tenant and an actor");
        }
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        long start = System.nanoTime();
        byte[] bytes;
        try {
            bytes = json.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the bundle", e);
        }
        Report report = new Report(RecordIds.sha256(bytes), start);

        Optional<Instant> before = inTransaction(() -> ledger.importedAt(tenant, report.sha256), false);
        if (before.isPresent()) {
            return log(tenant, report.alreadyImported(before.get()));
        }

        listener.phase("reading");
        ReadBundle bundle;
        try {
            bundle = reader.read(bytes);
        } catch (InvalidBundleException invalid) {
            return log(tenant, report.rejected(null, 0, invalid.problems()));
        }
        report.ignoredValidationErrors(bundle.ignoredValidationErrors());
        return log(tenant, store(tenant, actor, bundle, report, listener));
    }

    private ImportReport store(String tenant, String actor, ReadBundle bundle, Report report, ProgressListener listener) {
        Transaction transaction = transactions.startTransaction();
        boolean open = true;
        try {
            ledger.lockTenant(tenant);
            Optional<Instant> before = ledger.importedAt(tenant, bundle.sha256());
            if (before.isPresent()) {
                return report.alreadyImported(before.get());
            }
            listener.phase("mapping");
            Known known = new Known(tenant);
            MappedBundle mapped = new FhirMapper(tenant, known).map(bundle);
            report.count(mapped);
            List<Problem> refusals = mapped.entries().stream().filter(e -> e.outcome() == Outcome.REFUSED)
                    .map(e -> new Problem(e.index(), e.fullUrl(), e.resourceType(), e.location(), e.reason())).toList();
            if (!refusals.isEmpty()) {
                return report.rejected(bundle.bundleType(), bundle.entries().size(), refusals);
            }

            listener.phase("storing");
            Caller importer = new Caller(tenant, actor, RolePolicy.IMPORTER, PURPOSE, VIA);
            Map<String, Object> values = new HashMap<>(Callers.toMetaData(importer, "fhir-import:" + bundle.sha256()));
            values.put(AccessLog.DOOR, DOOR);
            values.put(MetadataKeys.CORRELATION_ID, UUID.randomUUID().toString()); // one import, one correlation
            MetaData metaData = MetaData.from(values);
            List<MappedBundle.Entry> toStore = mapped.entries().stream().filter(e -> e.outcome() == Outcome.MAPPED)
                    .sorted(Comparator.comparingInt((MappedBundle.Entry e) -> FhirMapper.DISPATCH_ORDER.indexOf(e.resourceType()))
                            .thenComparingInt(MappedBundle.Entry::index))
                    .toList();
            Set<String> created = new HashSet<>();
            List<MappedBundle.Entry> stored = new ArrayList<>();
            Map<IdentifierKey, String> identifiers = new LinkedHashMap<>();
            int done = 0;
            for (MappedBundle.Entry entry : toStore) {
                if (created.contains(entry.recordId()) || known.kindOf(entry.recordId()).isPresent()) {
                    report.alreadyPresent(entry);
                } else {
                    Problem refused = send(entry, entry.commands(), metaData);
                    if (refused != null) {
                        return report.rejected(bundle.bundleType(), bundle.entries().size(), List.of(refused));
                    }
                    created.add(entry.recordId());
                    stored.add(entry);
                    report.imported(entry);
                }
                entry.identifiers().forEach(id -> identifiers.putIfAbsent(id, entry.recordId()));
                listener.progress(++done, toStore.size());
            }
            for (MappedBundle.Entry entry : stored) {
                Problem refused = send(entry, entry.finalCommands(), metaData);
                if (refused != null) {
                    return report.rejected(bundle.bundleType(), bundle.entries().size(), List.of(refused));
                }
            }
            ledger.record(tenant, bundle.sha256(), actor, bundle.entries().size(), stored.size(), identifiers);
            open = false;
            transaction.commit();
            return report.imported(bundle.bundleType(), bundle.entries().size());
        } catch (RuntimeException e) {
            if (open) {
                open = false;
                transaction.rollback();
            }
            LOG.warn("FHIR import {} for tenant {} failed: {}", bundle.sha256(), tenant, e.getClass().getName());
            return report.rejected(bundle.bundleType(), bundle.entries().size(),
                    List.of(new Problem(null, null, null, null, "the import failed and was rolled back: " + e.getClass().getSimpleName())));
        } finally {
            if (open) {
                transaction.rollback();
            }
        }
    }

    /** Sends the commands of one entry; a refusal is returned (PHI-free), never thrown. */
    private Problem send(MappedBundle.Entry entry, List<Object> entryCommands, MetaData metaData) {
        for (Object command : entryCommands) {
            try {
                commands.sendAndWait(command, metaData);
            } catch (AccessDeniedException denied) {
                return problem(entry, command, "refused by the access gate (" + denied.decision().rule() + "): " + denied.decision().reason());
            } catch (InvalidCommandException | IllegalTransitionException e) {
                return problem(entry, command, "refused: " + FhirMapper.maskQuoted(e.getMessage()));
            } catch (RecordNotFoundException e) {
                return problem(entry, command, "refused: a record it refers to does not exist");
            } catch (RuntimeException e) {
                return problem(entry, command, "failed: " + e.getClass().getSimpleName());
            }
        }
        return null;
    }

    private static Problem problem(MappedBundle.Entry entry, Object command, String message) {
        return new Problem(entry.index(), entry.fullUrl(), entry.resourceType(), null, command.getClass().getSimpleName() + " " + message);
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work, boolean commit) {
        Transaction transaction = transactions.startTransaction();
        try {
            T result = work.get();
            if (commit) {
                transaction.commit();
            } else {
                transaction.rollback();
            }
            return result;
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
    }

    private static ImportReport log(String tenant, ImportReport report) {
        LOG.info("FHIR import {} for tenant {}: {} ({} imported, {} skipped) in {} ms", report.bundleSha256(), tenant,
                report.status(), report.totalImported(), report.totalSkipped(), report.elapsedMillis());
        return report;
    }

    /** Answers mapping's questions from the ledger and policy state, in the import's transaction, remembering answers. */
    private final class Known implements KnownRecords {
        private final String tenant;
        private final Map<String, Optional<String>> byIdentifier = new HashMap<>();
        private final Map<String, Optional<RecordKind>> kinds = new HashMap<>();

        Known(String tenant) {
            this.tenant = tenant;
        }

        @Override
        public Optional<String> byIdentifier(String resourceType, String system, String value) {
            return byIdentifier.computeIfAbsent(resourceType + '|' + RecordIds.identifierDigest(system, value),
                    k -> ledger.recordIdByIdentifier(tenant, resourceType, system, value));
        }

        @Override
        public Optional<RecordKind> kindOf(String recordId) {
            return kinds.computeIfAbsent(recordId, id -> policyState.findRecord(tenant, id).map(RecordEntry::kind));
        }
    }

    /** Collects the counts of one import and makes its report. */
    private static final class Report {
        private final String sha256;
        private final long start;
        private final Map<String, Counts> byType = new HashMap<>();
        private final Map<String, ImportReport.UnresolvedReference> unresolved = new LinkedHashMap<>();
        private final Map<String, Integer> ignoredErrors = new HashMap<>();

        Report(String sha256, long start) {
            this.sha256 = sha256;
            this.start = start;
        }

        void ignoredValidationErrors(Map<String, Integer> errors) {
            ignoredErrors.putAll(errors);
        }

        void count(MappedBundle mapped) {
            for (MappedBundle.Entry e : mapped.entries()) {
                Counts c = counts(e.resourceType());
                switch (e.outcome()) {
                    case NOT_MODELLED -> c.skippedNotModelled++;
                    case SKIPPED -> c.skipped.merge(e.reason(), 1, Integer::sum);
                    case REFUSED -> c.rejected++;
                    case MAPPED -> {
                        e.elementsNotKept().forEach(element -> c.notKept.merge(element, 1, Integer::sum));
                        for (MappedBundle.Unresolved u : e.unresolved()) {
                            String key = e.resourceType() + '|' + u.element() + '|' + u.target() + '|' + u.outcome();
                            ImportReport.UnresolvedReference seen = unresolved.get(key);
                            unresolved.put(key, new ImportReport.UnresolvedReference(e.resourceType(), u.element(), u.target(),
                                    u.outcome(), seen == null ? 1 : seen.count() + 1));
                        }
                    }
                    default -> throw new IllegalStateException(e.outcome().name());
                }
            }
        }

        void imported(MappedBundle.Entry e) {
            counts(e.resourceType()).imported++;
        }

        void alreadyPresent(MappedBundle.Entry e) {
            counts(e.resourceType()).alreadyPresent++;
        }

        ImportReport imported(String bundleType, int entries) {
            int imported = byType.values().stream().mapToInt(c -> c.imported).sum();
            int present = byType.values().stream().mapToInt(c -> c.alreadyPresent).sum();
            String message = "imported: " + imported + " resources stored, " + present + " already present, "
                    + skipped() + " skipped" + (unresolved.isEmpty() ? "" : ", " + unresolvedCount() + " references kept unresolved");
            return build(Status.IMPORTED, message, bundleType, entries, List.of(), null);
        }

        ImportReport alreadyImported(Instant at) {
            return build(Status.ALREADY_IMPORTED, "already imported on " + at + ": nothing changed", null, 0, List.of(), at);
        }

        ImportReport rejected(String bundleType, int entries, List<Problem> problems) {
            // nothing was stored: imported and present counts do not apply
            byType.values().forEach(c -> {
                c.imported = 0;
                c.alreadyPresent = 0;
            });
            for (Problem p : problems) {
                if (p.entryIndex() != null && p.resourceType() != null && counts(p.resourceType()).rejected == 0) {
                    counts(p.resourceType()).rejected = (int) problems.stream().filter(q -> p.resourceType().equals(q.resourceType())).count();
                }
            }
            List<Problem> listed = problems.size() > ImportReport.MAX_PROBLEMS ? problems.subList(0, ImportReport.MAX_PROBLEMS) : problems;
            String message = "rejected, nothing was stored: " + InvalidBundleException.describe(problems.get(0))
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
            return build(Status.REJECTED, message, bundleType, entries, listed, null);
        }

        private ImportReport build(Status status, String message, String bundleType, int entries, List<Problem> problems, Instant before) {
            Map<String, ImportReport.TypeCounts> counts = new java.util.TreeMap<>();
            ignoredErrors.forEach((type, n) -> counts(type).ignoredValidationErrors = n);
            byType.forEach((type, c) -> counts.put(type, new ImportReport.TypeCounts(c.imported, c.alreadyPresent,
                    c.skippedNotModelled, c.skipped, c.rejected, c.ignoredValidationErrors, c.notKept)));
            return new ImportReport(sha256, status, message, bundleType, entries, counts, problems,
                    status == Status.REJECTED ? List.of() : List.copyOf(unresolved.values()), before,
                    (System.nanoTime() - start) / 1_000_000);
        }

        private int skipped() {
            return byType.values().stream().mapToInt(c -> c.skippedNotModelled + c.skipped.values().stream().mapToInt(Integer::intValue).sum()).sum();
        }

        private int unresolvedCount() {
            return unresolved.values().stream().mapToInt(ImportReport.UnresolvedReference::count).sum();
        }

        private Counts counts(String type) {
            return byType.computeIfAbsent(type == null ? "(no resource)" : type, t -> new Counts());
        }
    }

    private static final class Counts {
        int imported;
        int alreadyPresent;
        int skippedNotModelled;
        int rejected;
        int ignoredValidationErrors;
        final Map<String, Integer> skipped = new java.util.TreeMap<>();
        final Map<String, Integer> notKept = new java.util.TreeMap<>();
    }
}
