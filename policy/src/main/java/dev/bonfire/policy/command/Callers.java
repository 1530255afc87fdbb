package dev.bonfire.policy.command;

import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.policy.Caller;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;

/** Carries a {@link Caller} in message metadata and back. */
public final class Callers {

    private Callers() {
    }

    public static Caller fromMetaData(MetaData metaData) {
        return new Caller(
                string(metaData, MetadataKeys.TENANT),
                string(metaData, MetadataKeys.ACTOR_ID),
                string(metaData, MetadataKeys.ACTOR_ROLE),
                string(metaData, MetadataKeys.PURPOSE),
                string(metaData, MetadataKeys.VIA));
    }

    /** The metadata every command carries: the caller plus where the values came from. */
    public static Map<String, Object> toMetaData(Caller caller, String source) {
        Map<String, Object> values = new HashMap<>();
        values.put(MetadataKeys.TENANT, caller.tenantId());
        values.put(MetadataKeys.ACTOR_ID, caller.actorId());
        values.put(MetadataKeys.ACTOR_ROLE, caller.role());
        values.put(MetadataKeys.PURPOSE, caller.purpose());
        values.put(MetadataKeys.VIA, caller.via());
        values.put(MetadataKeys.SOURCE, source);
        return values;
    }

    private static String string(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
