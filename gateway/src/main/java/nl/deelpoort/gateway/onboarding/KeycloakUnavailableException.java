package nl.deelpoort.gateway.onboarding;

/**
 * Keycloak's admin API could not be used (down, too slow, or the gateway's service account is not
 * configured or not allowed): 503. The message is for the log, not for the caller.
 */
public class KeycloakUnavailableException extends RuntimeException {

    KeycloakUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
