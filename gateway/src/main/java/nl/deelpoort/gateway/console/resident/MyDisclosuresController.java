package nl.deelpoort.gateway.console.resident;

import java.util.List;
import java.util.Locale;
import nl.deelpoort.gateway.audit.ResidentHistory;
import nl.deelpoort.gateway.security.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "Wie heeft mijn gegevens ontvangen?": the resident's own releases, as {@code GET /api/v1/me/disclosures}. */
@Controller
record MyDisclosuresController(ResidentHistory history, ResidentViews views) {

    @GetMapping("/console/me/disclosures")
    String disclosures(Caller caller, Locale locale, Model model) {
        List<ResidentViews.Disclosure> disclosures = views.disclosures(history.disclosures(caller), locale);
        model.addAttribute("disclosures", disclosures);
        model.addAttribute("contacts", views.contacts(disclosures, locale));
        return "console/resident/disclosures";
    }
}
