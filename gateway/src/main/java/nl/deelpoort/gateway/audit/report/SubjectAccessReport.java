package nl.deelpoort.gateway.audit.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deelpoort.gateway.audit.report.Wording.Label;
import nl.deelpoort.gateway.audit.report.Wording.Party;

/**
 * An AVG art. 15 overview in two parts that never mix: {@link #report} is what the resident may be
 * given as it stands (no confidential entry, not even their number), and {@link #officerNote} is for
 * the privacy officer only: how many confidential entries were left out under UAVG art. 41. Every
 * format keeps the two physically apart (a JSON field, CSV comment lines above the header, a PDF
 * cover page), so handing over the resident's part is a matter of leaving the note behind.
 */
record SubjectAccessReport(long disclosureId, ResidentPart report, OfficerNote officerNote) {

    static final String TITLE = "Overzicht van verstrekkingen van uw gegevens";
    static final String INTRODUCTION = "Dit overzicht laat zien welke organisaties via Deelpoort gegevens over u hebben"
            + " ontvangen, wanneer, met welk doel en op welke grondslag (artikel 15 AVG). Het gaat om"
            + " verstrekkingen waarbij %s verstrekker, ontvanger of aanvrager was.";
    static final String NONE = "Er zijn geen verstrekkingen van uw gegevens vastgelegd.";
    static final String AUDIENCE = "alleen voor de FG";

    record Line(
            long disclosureId,
            LocalDate date,
            Instant registeredAt,
            Party holder,
            Label purpose,
            Label legalBasis,
            List<Label> categories) {

        static Line of(Release r, Wording words) {
            Wording.Labelled l = words.labelled(r);
            return new Line(
                    r.disclosureId(),
                    Wording.date(r.registeredAt()),
                    r.registeredAt(),
                    l.holder(),
                    l.purpose(),
                    l.legalBasis(),
                    l.categories());
        }
    }

    record RecipientGroup(Party recipient, int count, List<Line> disclosures) {}

    record ResidentPart(
            String title,
            String introduction,
            Party organisation,
            Instant generatedAt,
            int total,
            List<RecipientGroup> recipients) {}

    /**
     * @param audience always "alleen voor de FG"
     * @param text the sentence, e.g. "2 vertrouwelijke verstrekkingen zijn niet opgenomen (art. 41 UAVG)."
     */
    record OfficerNote(String audience, int confidentialLeftOut, String text) {}

    /** Groups the non-confidential releases by recipient (by name), newest first within each. */
    static SubjectAccessReport of(
            long disclosureId, String organisation, Instant generatedAt, List<Release> releases, Wording words) {
        Map<String, List<Line>> byRecipient = new LinkedHashMap<>();
        int confidential = 0;
        List<Release> sorted = new ArrayList<>(releases);
        sorted.sort(Comparator.comparing(Release::registeredAt)
                .thenComparingLong(Release::disclosureId)
                .reversed());
        for (Release r : sorted) {
            if (r.confidential()) {
                confidential++;
                continue;
            }
            byRecipient
                    .computeIfAbsent(r.recipient() == null ? "" : r.recipient(), k -> new ArrayList<>())
                    .add(Line.of(r, words));
        }
        List<RecipientGroup> groups = new ArrayList<>();
        byRecipient.forEach(
                (id, lines) -> groups.add(new RecipientGroup(words.party(id), lines.size(), List.copyOf(lines))));
        groups.sort(Comparator.comparing(g -> g.recipient().name()));
        int total = groups.stream().mapToInt(RecipientGroup::count).sum();
        String orgName = words.organisation(organisation);
        return new SubjectAccessReport(
                disclosureId,
                new ResidentPart(
                        TITLE,
                        String.format(INTRODUCTION, orgName),
                        new Party(organisation, orgName),
                        generatedAt,
                        total,
                        List.copyOf(groups)),
                new OfficerNote(AUDIENCE, confidential, Wording.confidentialLeftOut(confidential)));
    }
}
