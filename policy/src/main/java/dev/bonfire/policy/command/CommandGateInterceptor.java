package dev.bonfire.policy.command;

import dev.bonfire.domain.common.ClinicalCommand;
import dev.bonfire.domain.common.CreatesRecord;
import dev.bonfire.policy.AccessDeniedException;
import dev.bonfire.policy.AccessGate;
import dev.bonfire.policy.AccessRequest;
import dev.bonfire.policy.Action;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.Decision;
import dev.bonfire.policy.jdbc.TenantSql;
import java.sql.Connection;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The write door of the gate. Registered on the command bus, so every command, from HTTP, the
 * importer or any later door, is decided before its handler runs. A command that is not a
 * {@link ClinicalCommand} is refused: deny by default. A denied command never reaches its handler and
 * appends no domain event.
 */
public final class CommandGateInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final AccessGate gate;
    private final ConnectionProvider connections;

    public CommandGateInterceptor(AccessGate gate, ConnectionProvider connections) {
        this.gate = gate;
        this.connections = connections;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Caller caller = Callers.fromMetaData(command.getMetaData());
        Decision decision = decide(caller, command.getPayload());
        if (!decision.permitted()) {
            throw new AccessDeniedException(decision);
        }
        try (Connection connection = connections.getConnection()) {
            TenantSql.bind(connection, caller.tenantId());
        }
        return chain.proceed();
    }

    private Decision decide(Caller caller, Object payload) {
        if (!(payload instanceof ClinicalCommand command)) {
            return Decision.deny("known-command", "not a clinical command: " + payload.getClass().getSimpleName());
        }
        boolean creates = command instanceof CreatesRecord;
        return gate.decide(new AccessRequest(caller, Action.WRITE,
                creates ? ((CreatesRecord) command).kind() : null,
                command.patientId(), command.recordId(), creates));
    }
}
