package nl.deelpoort.gateway.audit.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.deelpoort.gateway.audit.AuditTrail;
import nl.deelpoort.gateway.audit.OfficerNote;
import nl.deelpoort.gateway.audit.Release;
import nl.deelpoort.gateway.audit.ReportFormat;
import nl.deelpoort.policy.Bsn;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds and renders subject-access reports: an officer's, limited to the organisation's scope (in
 * every format), with its note as a separate document; and the resident's own, over every
 * non-confidential release (PDF). Public so that the audit feature's services and the benchmark can
 * use it.
 */
@Component
public class SubjectAccessReports {

    /** The JSON form: the report and the officer's query entry it was made under. */
    record Answer(long disclosureId, SubjectAccessReport report) {}

    private final Releases releases;
    private final Wording words;
    private final JsonMapper json;

    public SubjectAccessReports(Releases releases, Wording words, JsonMapper json) {
        this.releases = releases;
        this.words = words;
        this.json = json;
    }

    /** The report for the officer's scope: its subject as known to the organisation, as of its entry. */
    public byte[] render(AuditTrail.Scope scope, Bsn subject, Instant now, ReportFormat format) {
        String organisation = scope.organisation().value();
        SubjectAccessReport report = SubjectAccessReport.of(
                new SubjectAccessReport.Request(subject, Optional.of(organisation), now), inScope(scope), words);
        return switch (format) {
            case JSON -> json.writeValueAsBytes(new Answer(scope.disclosureId(), report));
            case CSV -> ReportCsv.render(report).getBytes(StandardCharsets.UTF_8);
            case PDF -> ReportPdf.render(report);
        };
    }

    /** What the report for the same scope leaves out, for the officer alone. */
    public OfficerNote note(AuditTrail.Scope scope) {
        List<Release> found = inScope(scope);
        int confidential = (int) found.stream().filter(Release::confidential).count();
        return new OfficerNote(
                scope.disclosureId(),
                OfficerNote.AUDIENCE,
                found.size() - confidential,
                confidential,
                Wording.confidentialLeftOut(confidential));
    }

    /** The resident's own report, as a PDF: every non-confidential release about them. */
    public byte[] own(Bsn subject, Optional<String> pseudonym, Instant now) {
        List<Release> found =
                pseudonym.map(p -> releases.of(p, Optional.empty(), -1)).orElse(List.of());
        return ReportPdf.render(
                SubjectAccessReport.of(new SubjectAccessReport.Request(subject, Optional.empty(), now), found, words));
    }

    private List<Release> inScope(AuditTrail.Scope scope) {
        String organisation = scope.organisation().value();
        return scope.subject()
                .map(s -> releases.of(s.pseudonym(), Optional.of(organisation), s.afterSeq()))
                .orElse(List.of());
    }
}
