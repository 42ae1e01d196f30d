package nl.deelpoort.gateway.console.resident;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.deelpoort.gateway.audit.OfficerNote;
import nl.deelpoort.gateway.audit.ReportFormat;
import nl.deelpoort.gateway.audit.SubjectAccess;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.policy.Bsn;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The privacy officer's subject-access request ({@code POST /api/v1/audit/subject-access-report} and
 * its officer note, through the same {@link SubjectAccess} service, logged alike). The BSN is typed
 * into the form and travels in the POST body only: the answer is the file itself, or the note as a
 * page, so no address the officer visits ever holds it.
 */
@Controller
record SubjectAccessPageController(SubjectAccess subjectAccess) {

    static final String FORM = "console/resident/subject-access";
    static final List<String> FORMATS = List.of("pdf", "csv", "json");

    /** A field of the form and the message key of what is wrong with it. */
    record FieldError(String field, String message) {}

    @GetMapping("/console/subject-access")
    ModelAndView form() {
        return new ModelAndView(FORM, Map.of("format", "pdf", "errors", List.of()));
    }

    /**
     * @param document {@code report} (the default: the file for the resident) or {@code note} (the
     *     officer's note, shown as a page)
     */
    @PostMapping("/console/subject-access")
    ModelAndView request(
            @RequestParam(defaultValue = "") String bsn,
            @RequestParam(defaultValue = "pdf") String format,
            @RequestParam(defaultValue = "report") String document,
            Caller caller,
            RequestTrace trace) {
        String digits = bsn.replaceAll("[\\s.\\-]", "");
        List<FieldError> errors = new ArrayList<>();
        if (digits.isEmpty()) {
            errors.add(new FieldError("bsn", "subjectAccess.error.bsnRequired"));
        } else if (!Bsn.isValid(digits)) {
            errors.add(new FieldError("bsn", "subjectAccess.error.bsnInvalid"));
        }
        if (!FORMATS.contains(format)) {
            errors.add(new FieldError("format-pdf", "subjectAccess.error.format"));
        }
        if (!errors.isEmpty()) {
            return new ModelAndView(
                    FORM, Map.of("bsn", bsn, "format", format, "errors", errors), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if (document.equals("note")) {
            OfficerNote note = subjectAccess.officerNote(caller, trace, Bsn.of(digits));
            return new ModelAndView("console/resident/officer-note", Map.of("note", note));
        }
        ReportFormat chosen = ReportFormat.valueOf(format.toUpperCase(Locale.ROOT));
        byte[] file = subjectAccess.report(caller, trace, Bsn.of(digits), chosen);
        return new ModelAndView(new FileDownload(file, chosen.contentType(), chosen.fileName()));
    }
}
