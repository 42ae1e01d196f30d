package nl.deelpoort.gateway.onboarding;

import nl.deelpoort.gateway.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Gateway administrators onboard a partner organisation in one call. */
@RestController
class OnboardingController {

    private final PartnerOnboarding onboarding;

    OnboardingController(PartnerOnboarding onboarding) {
        this.onboarding = onboarding;
    }

    /** The client secret is in this answer only: Keycloak keeps it, the gateway does not. */
    record Onboarded(String id, String clientId, String clientSecret, String organisationId) {}

    @PostMapping("/api/v1/admin/organisations")
    @ResponseStatus(HttpStatus.CREATED)
    Onboarded onboard(Caller caller, @RequestBody OnboardingRequest request) {
        if (!caller.hasRole(Caller.GATEWAY_ADMIN)) {
            throw new AccessDeniedException("Onboarding needs the realm role " + Caller.GATEWAY_ADMIN);
        }
        return onboarding.onboard(request.validated());
    }
}
