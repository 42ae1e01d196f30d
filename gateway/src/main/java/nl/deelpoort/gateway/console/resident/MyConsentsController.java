package nl.deelpoort.gateway.console.resident;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.deelpoort.gateway.grounds.ResidentConsent;
import nl.deelpoort.gateway.grounds.ResidentConsents;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.RequestTrace;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The consents about the resident, and withdrawing one they gave themself: one button, then one
 * confirmation (a page of its own, so it works without script), as the API's {@code
 * /api/v1/me/consents}. The service decides again what may be withdrawn.
 */
@Controller
record MyConsentsController(ResidentConsents consents, ResidentViews views) {

    @GetMapping("/console/me/consents")
    String consents(Caller caller, Locale locale, Model model) {
        List<ResidentConsent> mine = consents.mine(caller);
        model.addAttribute("consents", views.consents(mine, locale));
        model.addAttribute(
                "contacts",
                views.contactsOf(mine.stream().map(c -> c.recordedBy().value()).toList(), locale));
        return "console/resident/consents";
    }

    /** The confirmation; a consent that is not (or no longer) theirs to withdraw goes back to the list. */
    @GetMapping("/console/me/consents/{id}/withdraw")
    String confirm(@PathVariable String id, Caller caller, Locale locale, Model model) {
        Optional<ResidentConsent> consent = consents.mine(caller).stream()
                .filter(c -> c.id().toString().equals(id) && c.withdrawable())
                .findFirst();
        if (consent.isEmpty()) {
            return "redirect:/console/me/consents";
        }
        model.addAttribute("consent", views.consent(consent.get(), locale));
        return "console/resident/withdraw";
    }

    @PostMapping("/console/me/consents/{id}/withdrawal")
    String withdraw(@PathVariable String id, Caller caller, RequestTrace trace) {
        consents.withdraw(caller, trace, id);
        return "redirect:/console/me/consents?withdrawn";
    }
}
