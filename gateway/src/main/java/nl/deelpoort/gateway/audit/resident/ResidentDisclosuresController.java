package nl.deelpoort.gateway.audit.resident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.deelpoort.gateway.audit.Release;
import nl.deelpoort.gateway.audit.ResidentHistory;
import nl.deelpoort.gateway.audit.report.Wording;
import nl.deelpoort.gateway.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The resident's own disclosure history ({@link ResidentHistory}), in plain Dutch. */
@RestController
record ResidentDisclosuresController(ResidentHistory history, Wording words) {
    record Item(
            long disclosureId,
            LocalDate date,
            Instant registeredAt,
            String text,
            Wording.Party recipient,
            Wording.Party holder,
            Wording.Label purpose,
            Wording.Label legalBasis,
            List<Wording.Label> categories) {}

    record ResidentDisclosures(int count, String explanation, List<Item> disclosures) {}

    static final String EXPLANATION = "Hieronder ziet u welke organisaties via Deelpoort gegevens over u hebben"
            + " ontvangen, de nieuwste eerst. Heeft u vragen, neem dan contact op met de functionaris"
            + " gegevensbescherming van de organisatie.";

    @GetMapping("/api/v1/me/disclosures")
    ResidentDisclosures mine(Caller caller) {
        List<Item> items = history.disclosures(caller).stream().map(this::item).toList();
        return new ResidentDisclosures(items.size(), EXPLANATION, items);
    }

    private Item item(Release r) {
        Wording.Labelled l = words.labelled(r);
        return new Item(
                r.disclosureId(),
                Wording.date(r.registeredAt()),
                r.registeredAt(),
                words.sentence(r),
                words.party(r.recipient()),
                l.holder(),
                l.purpose(),
                l.legalBasis(),
                l.categories());
    }
}
