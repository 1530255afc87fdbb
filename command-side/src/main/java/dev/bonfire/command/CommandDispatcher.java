package dev.bonfire.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bonfire.domain.common.ClinicalCommand;
import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.policy.AccessGate;
import dev.bonfire.policy.Action;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.Decision;
import dev.bonfire.policy.access.AccessLog;
import dev.bonfire.policy.access.RecordedDenial;
import dev.bonfire.policy.command.Callers;
import dev.bonfire.policy.command.CommandGateInterceptor;
import dev.bonfire.policy.event.AccessRecorded;
import dev.bonfire.policy.jdbc.TenantSql;
import dev.bonfire.policy.jdbc.ThreadBoundTransactions;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Turns an HTTP request into a command on the bus: parses it strictly, assigns ids to records it
 * creates, stamps the caller's metadata, and runs it, its idempotency record and its version lookup in
 * one transaction. The access gate itself sits on the command bus, so this class cannot skip it; the
 * two answers given without sending a command are gated and recorded here: a caller that does not name
 * itself fully is refused (and recorded) before anything is parsed, and an idempotent replay is decided
 * like the command it repeats, so a stored answer never goes to a caller the gate would refuse.
 */
@Singleton
public final class CommandDispatcher {

    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // the body goes through a tree: keep 1.50 as 1.50 there too
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** The door's name in access records, before the command's name. */
    public static final String DOOR = "POST /api/commands/";

    private final CommandGateway commands;
    private final EventStore events;
    private final ThreadBoundTransactions transactions;
    private final AccessGate gate;
    private final AccessLog accessLog;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public CommandDispatcher(CommandGateway commands, EventStore events, ThreadBoundTransactions transactions, AccessGate gate,
                             AccessLog accessLog) {
        this(commands, events, transactions, gate, accessLog, Clock.systemUTC(), UUID::randomUUID);
    }

    CommandDispatcher(CommandGateway commands, EventStore events, ThreadBoundTransactions transactions, AccessGate gate,
                      AccessLog accessLog, Clock clock, Supplier<UUID> ids) {
        this.commands = commands;
        this.events = events;
        this.transactions = transactions;
        this.gate = gate;
        this.accessLog = accessLog;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Runs one command.
     *
     * @param caller         who sends it (from the token)
     * @param commandName    a name from {@link CommandCatalog}
     * @param body           the command as a JSON object; ids of records it creates are assigned here
     * @param idempotencyKey optional; a repeat returns the first answer
     * @param source         where the values came from (for example {@code api}, {@code device:…})
     * @param correlationId  the request id
     */
    public CommandResult dispatch(Caller caller, String commandName, String body, String idempotencyKey, String source,
                                  String correlationId) {
        if (caller == null || !caller.isComplete()) {
            Decision incomplete = Decision.deny(AccessGate.CALLER_COMPLETE,
                    "the request does not name its tenant, actor, role, purpose of use (X-Purpose-Of-Use) and via (X-Via)");
            accessLog.recordOnItsOwn(caller, correlationId,
                    AccessRecorded.refused(DOOR + CommandCatalog.find(commandName).map(Class::getSimpleName).orElse("{command}"),
                            Action.WRITE, null, List.of(), List.of(), incomplete, null));
            throw new RecordedDenial(incomplete);
        }
        Class<?> type = CommandCatalog.find(commandName)
                .orElseThrow(() -> new InvalidCommandException("unknown command '" + commandName + "'; known: " + CommandCatalog.names()));
        var key = IdempotencyStore.validKey(idempotencyKey);
        ObjectNode tree = parseObject(body);
        String requestHash = hash(caller, commandName, tree);
        String idField = CommandCatalog.idComponent(type);
        if (CommandCatalog.createsRecord(type)) {
            if (tree.hasNonNull(idField)) {
                throw new InvalidCommandException(idField + " is assigned by the server; leave it out");
            }
            tree.put(idField, ids.get().toString());
        }
        ClinicalCommand command = toCommand(tree, type);

        Transaction transaction = transactions.startTransaction();
        try {
            CommandResult result;
            try (Connection connection = transactions.getConnection()) {
                TenantSql.bind(connection, caller.tenantId());
                if (key.isPresent()) {
                    var claim = IdempotencyStore.claim(connection, caller.tenantId(), key.get(), requestHash, commandName);
                    if (claim instanceof IdempotencyStore.Answered answered) {
                        CommandResult replay = replay(caller, commandName, command, answered.result(), correlationId);
                        transaction.commit();
                        return replay;
                    }
                }
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData(caller, commandName, source, correlationId)));
                long version = events.lastSequenceNumberFor(command.recordId()).orElse(0L);
                result = new CommandResult(commandName, command.recordId(), version, false);
                if (key.isPresent()) {
                    IdempotencyStore.answer(connection, caller.tenantId(), key.get(), result);
                }
            }
            transaction.commit();
            return result;
        } catch (SQLException e) {
            transaction.rollback();
            throw new IllegalStateException("database unavailable", e);
        } catch (RuntimeException | Error e) {
            transaction.rollback();
            throw e;
        }
    }

    /**
     * The stored answer to an earlier request with the same key, if the gate would permit the command
     * to this caller now; recorded either way. A refusal is recorded on its own, as for any denied write.
     */
    private CommandResult replay(Caller caller, String commandName, ClinicalCommand command, CommandResult stored, String correlationId) {
        Decision decision = CommandGateInterceptor.decide(gate, caller, command);
        List<String> patients = command.patientId() == null ? List.of() : List.of(command.patientId());
        if (!decision.permitted()) {
            accessLog.recordOnItsOwn(caller, correlationId, AccessRecorded.refused(DOOR + commandName, Action.WRITE, null,
                    patients, List.of(command.recordId()), decision, null));
            throw new RecordedDenial(decision);
        }
        accessLog.record(caller, correlationId, AccessRecorded.permitted(DOOR + commandName, Action.WRITE, null,
                patients, List.of(stored.recordId()), decision, null, 0));
        return stored;
    }

    private Map<String, Object> metaData(Caller caller, String commandName, String source, String correlationId) {
        Map<String, Object> values = Callers.toMetaData(caller, source == null || source.isBlank() ? "api" : source);
        values.put(AccessLog.DOOR, DOOR + commandName);
        values.put(MetadataKeys.CORRELATION_ID, correlationId);
        values.put(MetadataKeys.TIME, clock.instant().toString());
        return values;
    }

    private static ObjectNode parseObject(String body) {
        try {
            JsonNode tree = JSON.readTree(body == null ? "" : body);
            if (tree == null || !tree.isObject()) {
                throw new InvalidCommandException("the command must be a JSON object");
            }
            return (ObjectNode) tree;
        } catch (JsonProcessingException e) {
            throw new InvalidCommandException("malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static ClinicalCommand toCommand(ObjectNode tree, Class<?> type) {
        try {
            return (ClinicalCommand) JSON.treeToValue(tree, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidCommandException invalid) {
                throw invalid;
            }
            throw new InvalidCommandException("invalid " + type.getSimpleName() + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidCommandException invalid) {
                throw invalid;
            }
            throw new InvalidCommandException("invalid " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    /** Of the caller as well as the request: a key repeated by another caller is a conflict, never another's answer. */
    private static String hash(Caller caller, String commandName, JsonNode tree) {
        try {
            Object canonical = JSON.treeToValue(tree, Object.class);
            String who = caller.tenantId() + "\n" + caller.actorId() + "\n" + caller.role() + "\n";
            byte[] bytes = (who + commandName + "\n" + JSON.writeValueAsString(canonical)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
