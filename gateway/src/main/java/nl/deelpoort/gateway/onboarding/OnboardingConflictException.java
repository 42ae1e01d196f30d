package nl.deelpoort.gateway.onboarding;

import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/** The organisation or its partner-system client already exists in the realm: 409. */
class OnboardingConflictException extends ProblemException {
    OnboardingConflictException(String message) {
        super(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", message);
    }
}
