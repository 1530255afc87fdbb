package dev.bonfire.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Where the database is: {@code BONFIRE_DATABASE_URL}, {@code BONFIRE_DATABASE_USER},
 * {@code BONFIRE_DATABASE_PASSWORD} (Micronaut maps them to {@code bonfire.database.*}). {@code schema}
 * is optional (tests use a schema of their own).
 */
@ConfigurationProperties("bonfire.database")
public record DatabaseSettings(@Nullable String url, @Nullable String user, @Nullable String password, @Nullable String schema,
                               @Nullable Integer poolSize) {

    /** Fails with the name of the first missing setting. */
    public DatabaseSettings validated() {
        Settings.require(url, "BONFIRE_DATABASE_URL");
        Settings.require(user, "BONFIRE_DATABASE_USER");
        Settings.require(password, "BONFIRE_DATABASE_PASSWORD");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new MissingSettingException("BONFIRE_DATABASE_URL must be a jdbc:postgresql: URL");
        }
        return this;
    }

    public int poolSizeOrDefault() {
        return poolSize == null ? 16 : poolSize;
    }
}
