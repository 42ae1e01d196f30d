package nl.deelpoort.gateway.audit.report;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.deelpoort.gateway.audit.report.SubjectAccessReports.Format;
import nl.deelpoort.gateway.logstore.DisclosureLog;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.gateway.web.TraceContext;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.OrganisationId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * AVG art. 15 for privacy officers: what the log holds about one subject, limited to entries where
 * the officer's organisation is requester, holder or recipient (and, if the organisation forgot the
 * subject before, to its entries since). The request is logged as an {@code AUDIT_QUERY} before
 * anything is answered, with the subject's pseudonym only if the subject is known to the officer's
 * organisation and never the BSN; looking a subject up creates no pseudonym.
 */
@RestController
class SubjectAccessReportController {

    private final SubjectPseudonyms pseudonyms;
    private final SubjectAccessReports reports;
    private final DisclosureLog log;
    private final Clock clock;

    SubjectAccessReportController(
            SubjectPseudonyms pseudonyms, SubjectAccessReports reports, DisclosureLog log, Clock clock) {
        this.pseudonyms = pseudonyms;
        this.reports = reports;
        this.log = log;
        this.clock = clock;
    }

    record SubjectRef(String bsn) {}

    record ReportRequest(SubjectRef subject, String format) {}

    @PostMapping("/api/v1/audit/subject-access-report")
    ResponseEntity<byte[]> report(
            @RequestBody(required = false) ReportRequest request, Caller caller, HttpServletRequest http) {
        OrganisationId officerOf = caller.requireOrganisation();
        String organisation = officerOf.value();
        List<InvalidField> invalid = new ArrayList<>();
        if (request == null || request.subject() == null) {
            invalid.add(new InvalidField("subject", "is required"));
        } else if (!Bsn.isValid(request.subject().bsn())) {
            invalid.add(new InvalidField("subject.bsn", "must be nine digits passing the 11-check"));
        }
        Optional<Format> format = format(request == null ? null : request.format());
        if (format.isEmpty()) {
            invalid.add(new InvalidField("format", "must be one of json, csv, pdf"));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidRequestException(invalid);
        }
        Optional<SubjectPseudonyms.Known> subject =
                pseudonyms.knownTo(Bsn.of(request.subject().bsn()), officerOf);
        TraceContext trace = TraceContext.of(http);
        long seq = log.append(LogEntry.builder(EntryKind.AUDIT_QUERY)
                .traceId(trace.traceId())
                .spanId(trace.spanId())
                .requestingOrganisation(organisation)
                .user(caller.subject())
                .client(caller.clientId())
                .subjectPseudonym(
                        subject.map(SubjectPseudonyms.Known::pseudonym).orElse(null))
                .attributes(Map.of(
                        "query",
                        "subject-access-report",
                        "format",
                        format.get().name().toLowerCase(Locale.ROOT))));
        byte[] body = reports.render(organisation, subject, seq, clock.instant(), format.get());
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .header("X-Disclosure-Id", Long.toString(seq))
                .contentType(MediaType.parseMediaType(format.get().contentType()));
        if (format.get() != Format.JSON) {
            ok.header(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename(format.get().fileName())
                            .build()
                            .toString());
        }
        return ok.body(body);
    }

    /** JSON when absent, as the API's default representation. */
    private static Optional<Format> format(String value) {
        if (value == null) {
            return Optional.of(Format.JSON);
        }
        for (Format f : Format.values()) {
            if (f.name().equalsIgnoreCase(value.strip())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
