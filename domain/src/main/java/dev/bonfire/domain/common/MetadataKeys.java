package dev.bonfire.domain.common;

/** Names of the metadata every command and event carries: who, for whom, why, through what, from where, when. */
public final class MetadataKeys {
    public static final String TENANT = "tenant";
    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String PURPOSE = "purpose";
    public static final String VIA = "via";
    public static final String SOURCE = "source";
    public static final String CORRELATION_ID = "correlationId";
    public static final String TIME = "time";

    private MetadataKeys() {
    }
}
