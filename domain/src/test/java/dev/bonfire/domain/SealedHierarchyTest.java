package dev.bonfire.domain;

import static java.util.stream.Collectors.toCollection;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.junit.jupiter.api.Test;

/**
 * Java 17 has no exhaustive switch over a sealed hierarchy, so this walks the permitted subclasses: every
 * event is sourced by an aggregate of its own package, every command is handled by exactly one aggregate,
 * and no handler takes a message outside the sealed hierarchies.
 */
class SealedHierarchyTest {

    @Test
    void everyAggregatePackage_hasOneSealedEventAndOneSealedCommandHierarchy_andEveryHierarchyItsAggregate() {
        Set<String> aggregatePackages = Aggregates.all().stream().map(Class::getPackageName).collect(toCollection(TreeSet::new));
        List<String> eventPackages = DomainModel.eventRoots().stream().map(Class::getPackageName).toList();
        List<String> commandPackages = DomainModel.commandRoots().stream().map(Class::getPackageName).toList();

        assertThat(eventPackages).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(aggregatePackages);
        assertThat(commandPackages).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(aggregatePackages);
    }

    @Test
    void everyMessage_isATopLevelRecord_becauseAxonStoresItsClassName() {
        List<Class<?>> messages = new ArrayList<>(DomainModel.events());
        messages.addAll(DomainModel.commands());
        assertThat(messages).isNotEmpty().allSatisfy(message -> {
            assertThat(message.isRecord()).as("%s is a record", message.getName()).isTrue();
            assertThat(message.getEnclosingClass()).as("%s is top-level", message.getName()).isNull();
        });
    }

    @Test
    void everyEvent_hasAnEventSourcingHandler_inAnAggregateOfItsPackage() {
        assertThat(DomainModel.events()).isNotEmpty().allSatisfy(event -> assertThat(Aggregates.all())
                .as("an aggregate in %s with an @EventSourcingHandler for %s", event.getPackageName(), event.getSimpleName())
                .anyMatch(aggregate -> aggregate.getPackageName().equals(event.getPackageName())
                        && DomainModel.handledTypes(aggregate, EventSourcingHandler.class).contains(event)));
    }

    @Test
    void everyCommand_hasExactlyOneCommandHandler() {
        assertThat(DomainModel.commands()).isNotEmpty().allSatisfy(command -> assertThat(Aggregates.all().stream()
                        .flatMap(aggregate -> DomainModel.handledTypes(aggregate, CommandHandler.class).stream())
                        .filter(command::equals)
                        .count())
                .as("@CommandHandlers for %s", command.getSimpleName())
                .isEqualTo(1));
    }

    @Test
    void everyEventSourcingHandler_takesAnEventOfASealedHierarchy() {
        List<Class<?>> events = DomainModel.events();
        assertThat(Aggregates.all()).allSatisfy(aggregate ->
                assertThat(DomainModel.handledTypes(aggregate, EventSourcingHandler.class))
                        .as("events sourced by %s", aggregate.getSimpleName())
                        .isNotEmpty()
                        .allMatch(events::contains));
    }

    @Test
    void everyCommandHandler_takesACommandOfASealedHierarchy() {
        List<Class<?>> commands = DomainModel.commands();
        assertThat(Aggregates.all()).allSatisfy(aggregate ->
                assertThat(DomainModel.handledTypes(aggregate, CommandHandler.class))
                        .as("commands handled by %s", aggregate.getSimpleName())
                        .isNotEmpty()
                        .allMatch(commands::contains));
    }
}
