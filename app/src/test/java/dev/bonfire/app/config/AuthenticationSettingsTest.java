package dev.bonfire.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthenticationSettingsTest {

    @Test
    void withoutSecretOrJwks_theServerRefusesToStart_namingBothSettings() {
        assertThatThrownBy(() -> AuthenticationSettings.fromEnvironment(Map.of()))
                .isInstanceOf(MissingSettingException.class)
                .hasMessageContaining("BONFIRE_JWT_JWKS_URL")
                .hasMessageContaining("BONFIRE_JWT_SECRET");
    }

    @Test
    void aShortSecret_isRefused() {
        assertThatThrownBy(() -> AuthenticationSettings.fromEnvironment(Map.of("BONFIRE_JWT_SECRET", "too-short")))
                .isInstanceOf(MissingSettingException.class);
    }

    @Test
    void aDevelopmentSecret_configuresHs256() {
        Map<String, Object> properties = AuthenticationSettings.fromEnvironment(Map.of("BONFIRE_JWT_SECRET", "x".repeat(40)));

        assertThat(properties).containsEntry(AuthenticationSettings.SECRET_PROPERTY, "x".repeat(40))
                .containsEntry(AuthenticationSettings.ALGORITHM_PROPERTY, "HS256");
    }

    @Test
    void aJwksUrl_wins_andNoSecretIsConfigured() {
        Map<String, Object> properties = AuthenticationSettings.fromEnvironment(Map.of(
                "BONFIRE_JWT_JWKS_URL", "https://idp.example/.well-known/jwks.json", "BONFIRE_JWT_SECRET", "x".repeat(40)));

        assertThat(properties).containsKey(AuthenticationSettings.JWKS_PROPERTY)
                .doesNotContainKey(AuthenticationSettings.SECRET_PROPERTY);
    }

    @Test
    void notBefore_isAlwaysChecked_andIssuerAndAudience_whenConfigured() {
        Map<String, Object> properties = AuthenticationSettings.fromEnvironment(Map.of("BONFIRE_JWT_SECRET", "x".repeat(40),
                "BONFIRE_JWT_ISSUER", "https://idp.example", "BONFIRE_JWT_AUDIENCE", "bonfire"));

        assertThat(properties).containsEntry(AuthenticationSettings.NOT_BEFORE_PROPERTY, true)
                .containsEntry(AuthenticationSettings.ISSUER_PROPERTY, "https://idp.example")
                .containsEntry(AuthenticationSettings.AUDIENCE_PROPERTY, "bonfire");
    }

    @Test
    void aPlainHttpJwksUrl_isRefused() {
        assertThatThrownBy(() -> AuthenticationSettings.fromEnvironment(Map.of("BONFIRE_JWT_JWKS_URL", "http://idp.example/jwks")))
                .isInstanceOf(MissingSettingException.class);
    }
}
