package nl.deelpoort.gateway.audit.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.deelpoort.gateway.audit.Release;
import nl.deelpoort.gateway.audit.report.Wording.Label;
import nl.deelpoort.gateway.audit.report.Wording.Party;
import nl.deelpoort.policy.Agreement;
import nl.deelpoort.policy.Bsn;

/**
 * The answer to an AVG art. 15 request, addressed to the resident, as it may be handed over: what
 * art. 15(1) lists (purposes, categories, recipients, retention, the rights to rectification,
 * erasure, restriction and objection, the right to complain to the Autoriteit Persoonsgegevens, the
 * source, automated decisions), art. 15(2) (no transfer outside the EU) and the privacy officers'
 * contact details. It never holds a confidential entry, nor their number: that is the officer's
 * note ({@code audit.OfficerNote}), a document of its own. Every format renders this one record.
 *
 * @param addressedTo "de persoon met burgerservicenummer (BSN) eindigend op 653": enough for the
 *     resident to recognise the letter and the officer to match it, without the whole BSN
 * @param issuedBy who answers: the officer's organisation, or Deelpoort when the resident asked
 * @param total how many releases {@code recipients} holds
 * @param sources the organisations the data came from (art. 15(1)(g))
 * @param information the fixed sections (retention, automated decisions, transfers abroad, rights,
 *     complaint, contact, abbreviations), each a heading and its paragraphs or list items
 */
record SubjectAccessReport(
        String title,
        LocalDate date,
        Instant generatedAt,
        String addressedTo,
        String issuedBy,
        String salutation,
        String introduction,
        int total,
        List<RecipientGroup> recipients,
        List<Label> purposes,
        List<Label> categories,
        List<Party> sources,
        List<Section> information) {

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

    /** A heading, its paragraphs, then the items of a list (either may be empty). */
    record Section(String heading, List<String> paragraphs, List<String> items) {}

    /**
     * Whose report it is and who answers.
     *
     * @param organisation the officer's organisation, listed first under "Contact"; empty when the
     *     resident asked for their own
     */
    record Request(Bsn subject, Optional<String> organisation, Instant generatedAt) {}

    /**
     * Groups the releases by recipient (by name), newest first within each, and fills in the rest from
     * the framework. Confidential releases are left out here, whoever passes them in.
     */
    static SubjectAccessReport of(Request request, List<Release> releases, Wording words) {
        List<Release> shown =
                new ArrayList<>(releases.stream().filter(r -> !r.confidential()).toList());
        shown.sort(Comparator.comparing(Release::registeredAt)
                .thenComparingLong(Release::disclosureId)
                .reversed());
        Map<String, List<Line>> byRecipient = new LinkedHashMap<>();
        for (Release r : shown) {
            byRecipient
                    .computeIfAbsent(r.recipient() == null ? "" : r.recipient(), k -> new ArrayList<>())
                    .add(Line.of(r, words));
        }
        List<RecipientGroup> groups = new ArrayList<>();
        byRecipient.forEach(
                (id, lines) -> groups.add(new RecipientGroup(words.party(id), lines.size(), List.copyOf(lines))));
        groups.sort(Comparator.comparing(g -> g.recipient().name()));

        Set<Label> purposes = new LinkedHashSet<>();
        Set<Label> categories = new LinkedHashSet<>();
        Set<Party> sources = new LinkedHashSet<>();
        for (Release r : shown) {
            Wording.Labelled l = words.labelled(r);
            purposes.add(l.purpose());
            categories.addAll(l.categories());
            sources.add(l.holder());
        }
        String bsn = request.subject().value();
        Optional<String> organisation = request.organisation().map(words::organisation);
        return new SubjectAccessReport(
                ReportTexts.TITLE,
                Wording.date(request.generatedAt()),
                request.generatedAt(),
                String.format(ReportTexts.ADDRESSED_TO, bsn.substring(bsn.length() - 3)),
                organisation
                        .map(o -> String.format(ReportTexts.ISSUED_BY_OFFICER, o))
                        .orElse(ReportTexts.ISSUED_BY_OWN),
                ReportTexts.SALUTATION,
                organisation
                        .map(o -> String.format(ReportTexts.INTRODUCTION_OFFICER, o, o))
                        .orElse(ReportTexts.INTRODUCTION_OWN),
                shown.size(),
                List.copyOf(groups),
                List.copyOf(purposes),
                List.copyOf(categories),
                List.copyOf(sources),
                information(request, shown, words));
    }

    private static List<Section> information(Request request, List<Release> shown, Wording words) {
        Map<String, Agreement> agreements = new LinkedHashMap<>();
        shown.forEach(r -> words.agreement(r).ifPresent(a -> agreements.putIfAbsent(a.id() + "/" + a.version(), a)));
        List<String> retention = agreements.values().stream()
                .map(a -> String.format(ReportTexts.RETENTION_LINE, a.title(), Wording.period(a.retention())))
                .distinct()
                .toList();

        // The organisation that answers first, then every organisation the overview names.
        Set<String> organisations = new LinkedHashSet<>();
        request.organisation().ifPresent(organisations::add);
        for (Release r : shown) {
            organisations.add(r.recipient());
            organisations.add(r.holder());
        }
        organisations.remove(null);
        List<String> contacts =
                organisations.stream().map(id -> contactLine(id, words)).toList();

        return List.of(
                new Section(ReportTexts.RETENTION, List.of(ReportTexts.RETENTION_TEXT), retention),
                new Section(ReportTexts.AUTOMATED, List.of(ReportTexts.AUTOMATED_TEXT), List.of()),
                new Section(ReportTexts.ABROAD, List.of(ReportTexts.ABROAD_TEXT), List.of()),
                new Section(ReportTexts.RIGHTS, ReportTexts.RIGHTS_TEXT, List.of()),
                new Section(ReportTexts.COMPLAINT, List.of(ReportTexts.COMPLAINT_TEXT), List.of()),
                new Section(ReportTexts.CONTACT, List.of(ReportTexts.CONTACT_TEXT), contacts),
                new Section(ReportTexts.ABBREVIATIONS, List.of(), ReportTexts.ABBREVIATIONS_TEXT));
    }

    /** "GR PlusTeam: e-mail fg@plusteam.example, telefoon …, website https://…". */
    static String contactLine(String organisation, Wording words) {
        String name = words.organisation(organisation);
        return words.contact(organisation)
                .map(c -> {
                    List<String> ways = new ArrayList<>();
                    ways.add("e-mail " + c.email());
                    c.phone().ifPresent(p -> ways.add("telefoon " + p));
                    c.website().ifPresent(w -> ways.add("website " + w));
                    return name + ": " + String.join(", ", ways) + ".";
                })
                .orElseGet(() -> String.format(ReportTexts.CONTACT_UNKNOWN, name));
    }
}
