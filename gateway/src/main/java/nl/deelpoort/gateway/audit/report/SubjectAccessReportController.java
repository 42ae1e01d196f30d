package nl.deelpoort.gateway.audit.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.deelpoort.gateway.audit.AuditTrail;
import nl.deelpoort.gateway.audit.report.SubjectAccessReports.Format;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.gateway.web.validation.InputRules;
import nl.deelpoort.gateway.web.validation.RequestValidator;
import nl.deelpoort.gateway.web.validation.ValidBsn;
import nl.deelpoort.policy.Bsn;
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
 * subject before, to its entries since). Recorded through the {@link AuditTrail} before anything is
 * answered; looking a subject up creates no pseudonym.
 */
@RestController
record SubjectAccessReportController(
        RequestValidator requests, AuditTrail trail, SubjectAccessReports reports, Clock clock) {
    record SubjectRef(
            @NotBlank(message = InputRules.REQUIRED) @ValidBsn
            String bsn) {}

    /**
     * {@code format}: json (when absent, as the API's default representation), csv or pdf, any case.
     * The pattern spells the cases out rather than using {@code (?i)}, so that the OpenAPI document
     * (ECMA-262 patterns) states the same rule.
     */
    record ReportRequest(
            @NotNull(message = InputRules.REQUIRED) @Valid SubjectRef subject,

            @Pattern(
                    regexp = "\\s*([jJ][sS][oO][nN]|[cC][sS][vV]|[pP][dD][fF])\\s*",
                    message = "must be one of json, csv, pdf")
            String format) {

        Format formatOrJson() {
            return format == null ? Format.JSON : Format.valueOf(format.strip().toUpperCase(Locale.ROOT));
        }
    }

    @PostMapping("/api/v1/audit/subject-access-report")
    ResponseEntity<byte[]> report(
            @RequestBody(required = false) ReportRequest body, Caller caller, RequestTrace trace) {
        Format format = requests.valid(body).formatOrJson();
        byte[] result = trail.run(
                caller,
                trace,
                "subject-access-report",
                Optional.of(Bsn.of(body.subject().bsn())),
                Map.of("format", format.name().toLowerCase(Locale.ROOT)),
                scope -> reports.render(scope, clock.instant(), format));
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(MediaType.parseMediaType(format.contentType));
        if (format != Format.JSON) {
            ok.header(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename(format.fileName)
                            .build()
                            .toString());
        }
        return ok.body(result);
    }
}
