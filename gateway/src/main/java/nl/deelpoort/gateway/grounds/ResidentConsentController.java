package nl.deelpoort.gateway.grounds;

import java.util.List;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.RequestTrace;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A resident's own consents (docs/api.md, "Residents"). The subject is the token's; a withdrawal needs
 * no body: there is nothing to choose, so it is as easy as the consent was to give.
 */
@RestController
record ResidentConsentController(ResidentConsents consents) {

    record Mine(int count, List<ResidentConsent> consents) {}

    @GetMapping("/api/v1/me/consents")
    Mine mine(Caller caller) {
        List<ResidentConsent> mine = consents.mine(caller);
        return new Mine(mine.size(), mine);
    }

    @PostMapping("/api/v1/me/consents/{id}/withdrawal")
    ResidentConsent withdraw(Caller caller, @PathVariable String id, RequestTrace trace) {
        return consents.withdraw(caller, trace, id);
    }
}
