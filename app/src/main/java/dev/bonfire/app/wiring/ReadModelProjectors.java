package dev.bonfire.app.wiring;

import io.micronaut.context.BeanContext;
import java.util.List;

/** The projector beans of the relational read models, registered with the tracking processor {@value AxonFactory#READ_MODELS}. */
final class ReadModelProjectors {

    private ReadModelProjectors() {
    }

    static List<Object> all(BeanContext beans) {
        return List.of();
    }
}
