package nl.deelpoort.gateway.audit.resident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.deelpoort.gateway.audit.report.Release;
import nl.deelpoort.gateway.audit.report.Releases;
import nl.deelpoort.gateway.audit.report.Wording;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.policy.Bsn;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The resident's own disclosure history. The subject comes from the verified token alone (never from
 * the request), so a resident cannot ask about anyone else. A resident without history gets an empty
 * list and no pseudonym is created for them.
 *
 * <p>The look-up itself is not logged: it discloses nothing to anyone but the subject, and an
 * {@code AUDIT_QUERY} entry carrying their pseudonym would tell privacy officers, who search by
 * subject, when a resident looked at their own data, which is none of their business; it would also
 * fill the append-only log with page views.
 */
@RestController
record ResidentDisclosuresController(SubjectPseudonyms pseudonyms, Releases releases, Wording words) {
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
        Bsn bsn = caller.bsn()
                .filter(Bsn::isValid)
                .map(Bsn::of)
                .orElseThrow(() -> new AccessDeniedException("resident token without a valid bsn claim"));
        List<Item> items =
                pseudonyms
                        .existingPseudonym(bsn)
                        .map(p -> releases.of(p, Optional.empty(), -1))
                        .orElse(List.of())
                        .stream()
                        .filter(r -> !r.confidential())
                        .map(this::item)
                        .toList();
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
