package dev.bonfire.policy.access;

/**
 * The access record of a request could not be appended. The request fails and returns nothing: no
 * data leaves a door without its record. The message names no data.
 */
public class AccessLogUnavailableException extends RuntimeException {

    public AccessLogUnavailableException(Throwable cause) {
        super("the access log could not record the request", cause);
    }
}
