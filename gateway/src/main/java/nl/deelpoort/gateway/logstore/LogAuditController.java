package nl.deelpoort.gateway.logstore;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.policy.Bsn;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The log's audit calls: the integrity verdict, and forgetting a subject. */
@RestController
class LogAuditController {

    /** A reason is logged: no run of digits that could be a BSN (or any other personal number). */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{8,}");

    static final int MAX_REASON = 500;

    private final IntegrityCheck integrity;
    private final SubjectPseudonyms pseudonyms;

    LogAuditController(IntegrityCheck integrity, SubjectPseudonyms pseudonyms) {
        this.integrity = integrity;
        this.pseudonyms = pseudonyms;
    }

    record SubjectRef(String bsn) {}

    record ForgetRequest(SubjectRef subject, String reason) {}

    record ForgetResponse(boolean forgotten, long disclosureId, boolean hadPseudonym) {}

    @GetMapping("/api/v1/audit/integrity")
    IntegrityCheck.Report integrity(Caller caller) {
        LogProblems.requireAuditor(caller);
        return integrity.run();
    }

    @PostMapping("/api/v1/audit/subjects/forget")
    ResponseEntity<ForgetResponse> forget(@RequestBody ForgetRequest request, Caller caller) {
        if (!caller.hasRole(Caller.PRIVACY_OFFICER)) {
            throw new AccessDeniedException("privacy officer role required");
        }
        List<InvalidField> invalid = new ArrayList<>();
        if (request.subject() == null) {
            invalid.add(new InvalidField("subject", "is required"));
        } else if (!Bsn.isValid(request.subject().bsn())) {
            invalid.add(new InvalidField("subject.bsn", "must be nine digits passing the 11-check"));
        }
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            invalid.add(new InvalidField("reason", "is required"));
        } else if (reason.length() > MAX_REASON) {
            invalid.add(new InvalidField("reason", "must be at most " + MAX_REASON + " characters"));
        } else if (LONG_NUMBER.matcher(reason).find()) {
            invalid.add(new InvalidField(
                    "reason", "must not contain a number of 8 or more digits (the reason is logged; no BSN)"));
        }
        if (!invalid.isEmpty()) {
            throw LogProblems.invalid(invalid);
        }
        SubjectPseudonyms.Forgotten f =
                pseudonyms.forget(Bsn.of(request.subject().bsn()), reason, caller);
        return ResponseEntity.ok()
                .header("X-Disclosure-Id", Long.toString(f.disclosureId()))
                .body(new ForgetResponse(true, f.disclosureId(), f.hadPseudonym()));
    }
}
