package dev.bonfire.app.wiring;

import dev.bonfire.query.projection.ReadModels;
import io.micronaut.context.BeanContext;
import java.util.List;

/** The projector beans of the relational read models, registered with the tracking processor {@value ReadModels#GROUP}. */
final class ReadModelProjectors {

    private ReadModelProjectors() {
    }

    static List<Object> all(BeanContext beans) {
        return ReadModels.PROJECTORS.stream().<Object>map(beans::getBean).toList();
    }
}
