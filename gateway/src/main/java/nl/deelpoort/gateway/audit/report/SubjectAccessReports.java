package nl.deelpoort.gateway.audit.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.deelpoort.gateway.audit.AuditTrail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds and renders a subject-access report: the releases in the organisation's scope, grouped, in
 * the asked format. Public so that the benchmark can time exactly what the endpoint does.
 */
@Component
public class SubjectAccessReports {

    /** The formats of {@code POST /api/v1/audit/subject-access-report}. */
    public enum Format {
        JSON("application/json", "inzageoverzicht.json"),
        CSV("text/csv;charset=UTF-8;header=present", "inzageoverzicht.csv"),
        PDF("application/pdf", "inzageoverzicht.pdf");

        final String contentType;
        final String fileName;

        Format(String contentType, String fileName) {
            this.contentType = contentType;
            this.fileName = fileName;
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

    /** The report for the officer's scope: its subject as known to the organisation, as of its entry. */
    public byte[] render(AuditTrail.Scope scope, Instant now, Format format) {
        String organisation = scope.organisation().value();
        List<Release> found = scope.subject()
                .map(s -> releases.of(s.pseudonym(), Optional.of(organisation), s.afterSeq()))
                .orElse(List.of());
        SubjectAccessReport report = SubjectAccessReport.of(scope.disclosureId(), organisation, now, found, words);
        return switch (format) {
            case JSON -> json.writeValueAsBytes(report);
            case CSV -> ReportCsv.render(report).getBytes(StandardCharsets.UTF_8);
            case PDF -> ReportPdf.render(report);
        };
    }
}
