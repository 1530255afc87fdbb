package dev.bonfire.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

class AggregatesTest {

    @Test
    void all_listsExactlyTheClassesWithAnAggregateIdentifier() {
        assertThat(Aggregates.all()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(DomainModel.aggregateClasses());
    }

    @Test
    void aggregates_arePackagePrivate() {
        assertThat(Aggregates.all()).isNotEmpty().allSatisfy(aggregate -> assertThat(
                        Modifier.isPublic(aggregate.getModifiers()) || Modifier.isProtected(aggregate.getModifiers()))
                .as("%s is package-private", aggregate.getName()).isFalse());
    }

    @Test
    void aggregates_canBeInspectedAndInstantiatedByAxon_thoughPackagePrivate() {
        assertThat(Aggregates.all()).allSatisfy(AggregatesTest::axonCanUse);
    }

    private static <T> void axonCanUse(Class<T> aggregate) {
        AggregateModel<T> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(aggregate);
        assertThat(model.commandHandlers(aggregate)).as("command handlers of %s", aggregate.getSimpleName()).isNotEmpty();
        T instance = new GenericAggregateFactory<>(aggregate).createAggregateRoot("id-1",
                new GenericDomainEventMessage<>(aggregate.getSimpleName(), "id-1", 0, "first event"));
        assertThat(instance).isInstanceOf(aggregate);
    }
}
