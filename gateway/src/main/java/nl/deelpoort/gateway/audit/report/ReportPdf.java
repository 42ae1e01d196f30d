package nl.deelpoort.gateway.audit.report;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import nl.deelpoort.gateway.audit.report.SubjectAccessReport.Line;
import nl.deelpoort.gateway.audit.report.SubjectAccessReport.RecipientGroup;
import nl.deelpoort.gateway.audit.report.SubjectAccessReport.Section;

/**
 * The report as an accessible PDF ({@link TaggedPdf}: tagged, PDF/UA-1, embedded font), in Dutch: a
 * letter to the resident (date, to, from), the releases per recipient as tables, then what else AVG
 * art. 15 says they must be told. It holds the resident's part only: the officer's note is a
 * document of its own.
 */
final class ReportPdf {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL"));
    private static final float[] COLUMNS = {72, 100, 118, 102, TaggedPdf.WIDTH - 392};

    static byte[] render(SubjectAccessReport report) {
        TaggedPdf pdf = new TaggedPdf(report.title(), "nl-NL");
        pdf.heading(1, report.title());
        pdf.paragraph("Datum: " + DAY.format(report.date()));
        pdf.paragraph("Aan: " + report.addressedTo());
        pdf.paragraph("Van: " + report.issuedBy());
        pdf.gap(6);
        pdf.paragraph(report.salutation());
        pdf.paragraph(report.introduction());

        pdf.heading(2, ReportTexts.RECIPIENTS);
        pdf.paragraph(report.total() == 0 ? ReportTexts.NONE : String.format(ReportTexts.TOTAL, report.total()));
        for (RecipientGroup g : report.recipients()) {
            pdf.heading(3, String.format(ReportTexts.RECIPIENT, g.recipient().name()));
            pdf.table(
                    ReportTexts.COLUMNS,
                    COLUMNS,
                    g.disclosures().stream().map(ReportPdf::row).toList());
        }
        labels(
                pdf,
                ReportTexts.PURPOSES,
                List.of(),
                report.purposes().stream().map(Wording.Label::label).toList());
        labels(
                pdf,
                ReportTexts.CATEGORIES,
                List.of(),
                report.categories().stream().map(Wording.Label::label).toList());
        labels(
                pdf,
                ReportTexts.SOURCES,
                List.of(ReportTexts.SOURCES_TEXT),
                report.sources().stream().map(Wording.Party::name).toList());
        for (Section s : report.information()) {
            pdf.heading(2, s.heading());
            s.paragraphs().forEach(pdf::paragraph);
            if (!s.items().isEmpty()) {
                pdf.list(s.items());
            }
        }
        return pdf.finish(ReportTexts.PAGE, report.generatedAt());
    }

    private static List<String> row(Line l) {
        return List.of(
                Wording.longDate(l.registeredAt()),
                l.holder().name(),
                Wording.enumeration(
                        l.categories().stream().map(Wording.Label::label).toList()),
                l.purpose().label(),
                l.legalBasis().label());
    }

    private static void labels(TaggedPdf pdf, String heading, List<String> intro, List<String> items) {
        pdf.heading(2, heading);
        if (items.isEmpty()) {
            pdf.paragraph(ReportTexts.NOTHING);
            return;
        }
        intro.forEach(pdf::paragraph);
        pdf.list(items);
    }

    private ReportPdf() {}
}
