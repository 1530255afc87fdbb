package dev.bonfire.command;

import dev.bonfire.domain.breakglass.BreakGlassCommand;
import dev.bonfire.domain.careteam.CareTeamCommand;
import dev.bonfire.domain.common.CreatesRecord;
import dev.bonfire.domain.condition.ConditionCommand;
import dev.bonfire.domain.consent.ConsentCommand;
import dev.bonfire.domain.directory.DirectoryCommand;
import dev.bonfire.domain.encounter.EncounterCommand;
import dev.bonfire.domain.note.NoteCommand;
import dev.bonfire.domain.observation.ObservationCommand;
import dev.bonfire.domain.patient.PatientCommand;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Every command the API accepts, by its simple name (the name in {@code POST /api/commands/{name}}).
 * Taken from the sealed command interfaces, so a new command is accepted as soon as it is declared.
 */
public final class CommandCatalog {

    private static final Map<String, Class<?>> COMMANDS = new TreeMap<>();

    static {
        Stream.of(PatientCommand.class, EncounterCommand.class, ObservationCommand.class, ConditionCommand.class,
                        NoteCommand.class, DirectoryCommand.class, CareTeamCommand.class, ConsentCommand.class, BreakGlassCommand.class)
                .flatMap(sealed -> Arrays.stream(sealed.getPermittedSubclasses()))
                .forEach(type -> COMMANDS.put(type.getSimpleName(), type));
    }

    private CommandCatalog() {
    }

    public static Optional<Class<?>> find(String name) {
        return Optional.ofNullable(COMMANDS.get(name));
    }

    public static java.util.Set<String> names() {
        return COMMANDS.keySet();
    }

    public static boolean createsRecord(Class<?> type) {
        return CreatesRecord.class.isAssignableFrom(type);
    }

    /** The name of the record component that holds the target record's id. */
    public static String idComponent(Class<?> type) {
        return Arrays.stream(type.getRecordComponents())
                .filter(c -> c.isAnnotationPresent(TargetAggregateIdentifier.class)
                        || fieldAnnotated(type, c))
                .map(RecordComponent::getName)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(type + " has no @TargetAggregateIdentifier"));
    }

    private static boolean fieldAnnotated(Class<?> type, RecordComponent component) {
        try {
            return type.getDeclaredField(component.getName()).isAnnotationPresent(TargetAggregateIdentifier.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }
}
