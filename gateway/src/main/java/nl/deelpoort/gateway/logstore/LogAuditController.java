package nl.deelpoort.gateway.logstore;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.OrganisationId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The log's audit calls: the integrity verdict (privacy officers and gateway administrators), and
 * forgetting a subject (privacy officers, for their own organisation). Roles are declared in the
 * security configuration.
 */
@RestController
class LogAuditController {

    /** A reason is logged: no run of digits that could be another personal number either. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{8,}");

    static final int MAX_REASON = 500;

    static final String NOT_KNOWN = "No subject with that BSN is known to your organisation.";

    private final IntegrityCheck integrity;
    private final SubjectPseudonyms pseudonyms;

    LogAuditController(IntegrityCheck integrity, SubjectPseudonyms pseudonyms) {
        this.integrity = integrity;
        this.pseudonyms = pseudonyms;
    }

    record SubjectRef(String bsn) {}

    record ForgetRequest(SubjectRef subject, String reason) {}

    /** The same whether the forget unlinked the subject for the caller only or shredded it for all. */
    record ForgetResponse(boolean forgotten, long disclosureId) {}

    @GetMapping("/api/v1/audit/integrity")
    IntegrityCheck.Report integrity() {
        return integrity.run();
    }

    /**
     * Forgets a subject for the officer's organisation ({@link SubjectPseudonyms#forget}: unlinked for
     * this organisation; crypto-shredded once every organisation that processed it has unlinked it).
     * A subject not known to the organisation answers 404 and leaves no trace, whether nobody or only
     * other organisations processed it.
     */
    @PostMapping("/api/v1/audit/subjects/forget")
    ResponseEntity<ForgetResponse> forget(@RequestBody(required = false) ForgetRequest request, Caller caller) {
        OrganisationId organisation = caller.requireOrganisation();
        List<InvalidField> invalid = new ArrayList<>();
        if (request == null || request.subject() == null) {
            invalid.add(new InvalidField("subject", "is required"));
        } else if (!Bsn.isValid(request.subject().bsn())) {
            invalid.add(new InvalidField("subject.bsn", "must be nine digits passing the 11-check"));
        }
        String reason = request == null || request.reason() == null
                ? ""
                : request.reason().strip();
        if (reason.isEmpty()) {
            invalid.add(new InvalidField("reason", "is required"));
        } else if (reason.length() > MAX_REASON) {
            invalid.add(new InvalidField("reason", "must be at most " + MAX_REASON + " characters"));
        } else if (Bsn.appearsIn(reason) || LONG_NUMBER.matcher(reason).find()) {
            invalid.add(new InvalidField(
                    "reason", "must not contain a BSN or another long number (the reason is logged for ever)"));
        }
        if (!invalid.isEmpty()) {
            throw LogProblems.invalid(invalid);
        }
        SubjectPseudonyms.Forgotten f = pseudonyms
                .forget(Bsn.of(request.subject().bsn()), reason, caller, organisation)
                .orElseThrow(() -> LogProblems.notFound(NOT_KNOWN));
        return ResponseEntity.ok()
                .header("X-Disclosure-Id", Long.toString(f.disclosureId()))
                .body(new ForgetResponse(true, f.disclosureId()));
    }
}
