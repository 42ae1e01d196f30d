package nl.deelpoort.gateway.audit.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import nl.deelpoort.gateway.audit.OfficerNote;
import nl.deelpoort.gateway.audit.ReportFormat;
import nl.deelpoort.gateway.audit.SubjectAccess;
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
 * AVG art. 15 for privacy officers ({@link SubjectAccess}): the report, to be handed to the resident
 * as it is, and the officer's note on what it leaves out, a separate call and document.
 */
@RestController
record SubjectAccessReportController(RequestValidator requests, SubjectAccess subjectAccess) {
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

        ReportFormat formatOrJson() {
            return format == null
                    ? ReportFormat.JSON
                    : ReportFormat.valueOf(format.strip().toUpperCase(Locale.ROOT));
        }
    }

    record NoteRequest(
            @NotNull(message = InputRules.REQUIRED) @Valid SubjectRef subject) {}

    @PostMapping("/api/v1/audit/subject-access-report")
    ResponseEntity<byte[]> report(
            @RequestBody(required = false) ReportRequest body, Caller caller, RequestTrace trace) {
        ReportFormat format = requests.valid(body).formatOrJson();
        byte[] result =
                subjectAccess.report(caller, trace, Bsn.of(body.subject().bsn()), format);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(MediaType.parseMediaType(format.contentType()));
        if (format != ReportFormat.JSON) {
            ok.header(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename(format.fileName())
                            .build()
                            .toString());
        }
        return ok.body(result);
    }

    @PostMapping("/api/v1/audit/subject-access-report/officer-note")
    OfficerNote officerNote(@RequestBody(required = false) NoteRequest body, Caller caller, RequestTrace trace) {
        return subjectAccess.officerNote(
                caller, trace, Bsn.of(requests.valid(body).subject().bsn()));
    }
}
