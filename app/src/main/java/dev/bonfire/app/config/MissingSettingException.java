package dev.bonfire.app.config;

/** A required setting is missing or malformed; the message names it. */
public class MissingSettingException extends RuntimeException {
    public MissingSettingException(String message) {
        super(message);
    }
}
