package nl.deelpoort.gateway.audit.report;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The report as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line
 * break quoted and quotes doubled), one row per disclosure, with a header row. The officer's note
 * goes in {@code #} comment lines above the header: RFC 4180 has no comments, but spreadsheet
 * programs show them as a visibly separate first row and most CSV readers can skip them, and the
 * resident's copy is the file from the header on.
 */
final class ReportCsv {

    static final List<String> HEADER = List.of(
            "ontvanger_id",
            "ontvanger",
            "datum",
            "verstrekker_id",
            "verstrekker",
            "doel",
            "grondslag",
            "categorieen",
            "verstrekking_id");

    static String render(SubjectAccessReport report) {
        StringBuilder out = new StringBuilder();
        SubjectAccessReport.OfficerNote note = report.officerNote();
        out.append("# ")
                .append(note.audience().toUpperCase(java.util.Locale.ROOT))
                .append(", verwijderen voor verstrekking aan de betrokkene: ")
                .append(note.text().replace('\r', ' ').replace('\n', ' '))
                .append("\r\n");
        row(out, HEADER);
        for (SubjectAccessReport.RecipientGroup g : report.report().recipients()) {
            for (SubjectAccessReport.Line l : g.disclosures()) {
                row(
                        out,
                        List.of(
                                g.recipient().id(),
                                g.recipient().name(),
                                l.date().toString(),
                                nullToEmpty(l.holder().id()),
                                l.holder().name(),
                                l.purpose().label(),
                                l.legalBasis().label(),
                                l.categories().stream()
                                        .map(Wording.Label::label)
                                        .collect(Collectors.joining("; ")),
                                Long.toString(l.disclosureId())));
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    static String field(String value) {
        String v = nullToEmpty(value);
        // A leading # would make the row look like one of the comment lines above the header.
        boolean quote = v.indexOf(',') >= 0
                || v.indexOf('"') >= 0
                || v.indexOf('\r') >= 0
                || v.indexOf('\n') >= 0
                || v.startsWith("#");
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private ReportCsv() {}
}
