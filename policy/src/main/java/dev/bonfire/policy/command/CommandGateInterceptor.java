package dev.bonfire.policy.command;

import dev.bonfire.domain.careteam.AssignToCareTeam;
import dev.bonfire.domain.common.ClinicalCommand;
import dev.bonfire.domain.common.CreatesRecord;
import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.domain.common.ReferencesEncounter;
import dev.bonfire.policy.AccessGate;
import dev.bonfire.policy.AccessRequest;
import dev.bonfire.policy.Action;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.Decision;
import dev.bonfire.policy.PolicyState;
import dev.bonfire.policy.RecordEntry;
import dev.bonfire.policy.access.AccessLog;
import dev.bonfire.policy.access.RecordedDenial;
import dev.bonfire.policy.event.AccessRecorded;
import dev.bonfire.policy.jdbc.TenantSql;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The write door of the gate. Registered on the command bus, so every command, from HTTP, the
 * importer or any later door, is decided before its handler runs, and leaves an access record:
 * <ul>
 *   <li>permitted: the record is staged in the command's unit of work and commits with its events
 *       (a write that fails after the decision rolls both back: nothing was written);</li>
 *   <li>refused: the record is appended and committed in a transaction of its own, the command never
 *       reaches its handler, and its own transaction, with any event, rolls back.</li>
 * </ul>
 * A command that is not a {@link ClinicalCommand} is refused: deny by default.
 */
public final class CommandGateInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** The rule that refuses a message that is not a clinical command. */
    public static final String KNOWN_COMMAND = "known-command";
    /** The door named in access records of commands that did not come through an HTTP door. */
    public static final String COMMAND_BUS = "command-bus";

    private final AccessGate gate;
    private final PolicyState state;
    private final ConnectionProvider connections;
    private final AccessLog log;

    public CommandGateInterceptor(AccessGate gate, PolicyState state, ConnectionProvider connections, AccessLog log) {
        this.gate = gate;
        this.state = state;
        this.connections = connections;
        this.log = log;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Caller caller = Callers.fromMetaData(command.getMetaData());
        Object payload = command.getPayload();
        Decision decision = decide(gate, caller, payload);
        String door = door(command.getMetaData());
        String correlationId = string(command.getMetaData(), MetadataKeys.CORRELATION_ID);
        if (!decision.permitted()) {
            log.recordOnItsOwn(caller, correlationId, AccessRecorded.refused(door, Action.WRITE, kindOf(caller, payload, decision),
                    patientIds(payload), recordIds(payload), decision, null));
            throw new RecordedDenial(decision);
        }
        if (payload instanceof AssignToCareTeam assignment && !state.isEnrolledClinician(caller.tenantId(), assignment.clinicianUserId())) {
            // the care team is drawn from the tenant's clinician directory (EnrollClinician)
            throw new InvalidCommandException("clinicianUserId is not an enrolled clinician of this tenant");
        }
        if (payload instanceof ReferencesEncounter record && record.encounterId() != null && !isEncounterOf(caller, record)) {
            // another tenant's encounter answers exactly like one that does not exist
            throw new InvalidCommandException("encounterId does not name an encounter of this patient");
        }
        log.record(caller, correlationId, AccessRecorded.permitted(door, Action.WRITE, kindOf(caller, payload, decision),
                patientIds(payload), recordIds(payload), decision, null, 1));
        try (Connection connection = connections.getConnection()) {
            TenantSql.bind(connection, caller.tenantId());
        }
        return chain.proceed();
    }

    /**
     * The gate's decision on a command, as this interceptor takes it: for doors that must decide on a
     * command without sending it (an idempotent replay).
     */
    public static Decision decide(AccessGate gate, Caller caller, Object payload) {
        if (!(payload instanceof ClinicalCommand command)) {
            return Decision.deny(KNOWN_COMMAND, "not a clinical command: " + (payload == null ? "null" : payload.getClass().getSimpleName()));
        }
        boolean creates = command instanceof CreatesRecord;
        return gate.decide(new AccessRequest(caller, Action.WRITE,
                creates ? ((CreatesRecord) command).kind() : null,
                command.patientId(), command.recordId(), creates));
    }

    private boolean isEncounterOf(Caller caller, ReferencesEncounter record) {
        return state.findRecord(caller.tenantId(), record.encounterId())
                .filter(encounter -> encounter.kind() == RecordKind.ENCOUNTER)
                .filter(encounter -> encounter.patientId() != null && encounter.patientId().equals(record.patientId()))
                .isPresent();
    }

    /** The kind written: stated by a creating command, else the stored kind (unknown when not found). */
    private RecordKind kindOf(Caller caller, Object payload, Decision decision) {
        if (payload instanceof CreatesRecord creates) {
            return creates.kind();
        }
        if (!(payload instanceof ClinicalCommand command) || decision.outcome() == Decision.Outcome.NOT_FOUND
                || caller == null || !caller.isComplete() || command.recordId() == null) {
            return null;
        }
        return state.findRecord(caller.tenantId(), command.recordId()).map(RecordEntry::kind).orElse(null);
    }

    private static List<String> patientIds(Object payload) {
        List<String> ids = new ArrayList<>(1);
        if (payload instanceof ClinicalCommand command && command.patientId() != null) {
            ids.add(command.patientId());
        }
        return ids;
    }

    private static List<String> recordIds(Object payload) {
        List<String> ids = new ArrayList<>(1);
        if (payload instanceof ClinicalCommand command && command.recordId() != null) {
            ids.add(command.recordId());
        }
        return ids;
    }

    private static String door(MetaData metaData) {
        String door = string(metaData, AccessLog.DOOR);
        return door == null || door.isBlank() ? COMMAND_BUS : door;
    }

    private static String string(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
