package dev.bonfire.app.config;

/** Checks shared by the settings records. */
final class Settings {

    private Settings() {
    }

    static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new MissingSettingException(name + " is not set");
        }
    }
}
