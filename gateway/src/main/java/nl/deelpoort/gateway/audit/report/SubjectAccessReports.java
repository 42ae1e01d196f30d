package nl.deelpoort.gateway.audit.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds and renders a subject-access report: the releases in the organisation's scope, grouped, in
 * the asked format. Public so that the benchmark can time exactly what the endpoint does.
 */
public class SubjectAccessReports {

    /** The formats of {@code POST /api/v1/audit/subject-access-report}. */
    public enum Format {
        JSON("application/json", "inzageoverzicht.json"),
        CSV("text/csv;charset=UTF-8;header=present", "inzageoverzicht.csv"),
        PDF("application/pdf", "inzageoverzicht.pdf");

        private final String contentType;
        private final String fileName;

        Format(String contentType, String fileName) {
            this.contentType = contentType;
            this.fileName = fileName;
        }

        public String contentType() {
            return contentType;
        }

        public String fileName() {
            return fileName;
        }
    }

    private final Releases releases;
    private final Wording words;
    private final JsonMapper json;

    public SubjectAccessReports(Releases releases, Wording words, JsonMapper json) {
        this.releases = releases;
        this.words = words;
        this.json = json;
    }

    /**
     * @param subject the subject as known to the organisation; empty gives an empty report
     * @param disclosureId the seq of the {@code AUDIT_QUERY} entry that recorded the request
     */
    public byte[] render(
            String organisation,
            Optional<SubjectPseudonyms.Known> subject,
            long disclosureId,
            Instant now,
            Format format) {
        List<Release> found = subject.map(s -> releases.of(s.pseudonym(), Optional.of(organisation), s.afterSeq()))
                .orElse(List.of());
        SubjectAccessReport report = SubjectAccessReport.of(disclosureId, organisation, now, found, words);
        return switch (format) {
            case JSON -> json.writeValueAsBytes(report);
            case CSV -> ReportCsv.render(report).getBytes(StandardCharsets.UTF_8);
            case PDF -> ReportPdf.render(report);
        };
    }
}
