package dev.bonfire.command;

import dev.bonfire.domain.Aggregates;
import dev.bonfire.domain.common.ClinicalCommand;
import dev.bonfire.domain.common.CreatesRecord;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Every command the API accepts, by its simple name (the name in {@code POST /api/commands/{name}}):
 * the first parameter of every {@code @CommandHandler} of every aggregate in {@link Aggregates#all()},
 * so a command is accepted as soon as an aggregate handles it, and no list can fall behind.
 */
public final class CommandCatalog {

    private static final Map<String, Class<?>> COMMANDS = new TreeMap<>();

    static {
        for (Class<?> aggregate : Aggregates.all()) {
            Stream.concat(Arrays.stream(aggregate.getDeclaredConstructors()), Arrays.stream(aggregate.getDeclaredMethods()))
                    .filter(handler -> handler.isAnnotationPresent(CommandHandler.class) && handler.getParameterCount() > 0)
                    .map(handler -> handler.getParameterTypes()[0])
                    .filter(ClinicalCommand.class::isAssignableFrom)
                    .forEach(type -> COMMANDS.put(type.getSimpleName(), type));
        }
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
