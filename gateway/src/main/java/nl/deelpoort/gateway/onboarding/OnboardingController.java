package nl.deelpoort.gateway.onboarding;

import nl.deelpoort.gateway.web.validation.RequestValidator;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Gateway administrators onboard a partner organisation in one call (the role rule is in the
 * security configuration's endpoint table).
 */
@RestController
record OnboardingController(RequestValidator requests, PartnerOnboarding onboarding) {
    /** The client secret is in this answer only: Keycloak keeps it, the gateway does not. */
    record Onboarded(String id, String clientId, String clientSecret, String organisationId) {}

    @PostMapping("/api/v1/admin/organisations")
    @ResponseStatus(HttpStatus.CREATED)
    Onboarded onboard(@RequestBody(required = false) OnboardingRequest body) {
        return onboarding.onboard(requests.valid(body).command());
    }
}
