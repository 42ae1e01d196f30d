package nl.deelpoort.gateway.audit.report;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The report as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line
 * break quoted and quotes doubled), one row per disclosure, with a header row: the releases of the
 * report and nothing else (the letter's other sections are in the JSON and PDF forms; the officer's
 * note is never in any of them).
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
        row(out, HEADER);
        for (SubjectAccessReport.RecipientGroup g : report.recipients()) {
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
        // A leading # would make some CSV readers take the row for a comment line.
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
