package nl.deelpoort.gateway.onboarding;

import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * Keycloak's admin API could not be used (down, too slow, or the gateway's service account is not
 * configured or not allowed): 503. The message names hosts and settings: for the log, not for the caller.
 */
class KeycloakUnavailableException extends ProblemException {
    KeycloakUnavailableException(String message, Throwable cause) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                ProblemTypes.UNAVAILABLE,
                "Identity provider unavailable",
                "Keycloak could not be reached or refused the gateway; nothing was created. Try again later.",
                message,
                cause);
    }
}
