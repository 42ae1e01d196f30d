package nl.deelpoort.gateway.onboarding;

/** The organisation or its partner-system client already exists in the realm: 409. */
public class OnboardingConflictException extends RuntimeException {

    OnboardingConflictException(String message) {
        super(message);
    }
}
