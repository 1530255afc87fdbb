package dev.bonfire.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Axon Server is used only when {@code BONFIRE_AXON_SERVER} (host:port[,host:port]) is set; otherwise
 * events live in PostgreSQL and nothing tries to reach an Axon Server.
 */
@ConfigurationProperties("bonfire.axon")
public record AxonSettings(@Nullable String server) {

    public boolean axonServerConfigured() {
        return server != null && !server.isBlank();
    }
}
