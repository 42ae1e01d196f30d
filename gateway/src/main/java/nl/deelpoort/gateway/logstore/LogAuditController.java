package nl.deelpoort.gateway.logstore;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.gateway.web.validation.FreeText;
import nl.deelpoort.gateway.web.validation.InputRules;
import nl.deelpoort.gateway.web.validation.RequestValidator;
import nl.deelpoort.gateway.web.validation.ValidBsn;
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
record LogAuditController(IntegrityCheck integrityCheck, SubjectPseudonyms pseudonyms, RequestValidator requests) {

    /** A reason is logged: no run of digits that could be another personal number either. */
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{8,}");

    static final int MAX_REASON = 500;

    static final String NOT_KNOWN = "No subject with that BSN is known to your organisation.";

    record SubjectRef(
            @NotBlank(message = InputRules.REQUIRED) @ValidBsn
            String bsn) {}

    record ForgetRequest(
            @NotNull(message = InputRules.REQUIRED) @Valid SubjectRef subject,

            @NotBlank(message = InputRules.REQUIRED) @FreeText(max = MAX_REASON)
            String reason) {

        SubjectPseudonyms.Forget command() {
            return new SubjectPseudonyms.Forget(Bsn.of(subject.bsn()), reason.strip());
        }
    }

    /** The same whether the forget unlinked the subject for the caller only or shredded it for all. */
    record ForgetResponse(boolean forgotten, long disclosureId) {}

    @GetMapping("/api/v1/audit/integrity")
    IntegrityCheck.Report integrity() {
        return integrityCheck.run();
    }

    /**
     * Forgets a subject for the officer's organisation ({@link SubjectPseudonyms#forget}: unlinked for
     * this organisation; crypto-shredded once every organisation that processed it has unlinked it).
     * A subject not known to the organisation answers 404 and leaves no trace, whether nobody or only
     * other organisations processed it.
     */
    @PostMapping("/api/v1/audit/subjects/forget")
    ResponseEntity<ForgetResponse> forget(
            @RequestBody(required = false) ForgetRequest request, Caller caller, RequestTrace trace) {
        OrganisationId organisation = caller.requireOrganisation();
        List<InvalidField> invalid = new ArrayList<>(requests.problems(request));
        if (invalid.stream().noneMatch(f -> f.field().equals("reason"))
                && request != null
                && LONG_NUMBER.matcher(request.reason()).find()) {
            invalid.add(new InvalidField(
                    "reason", "must not contain a BSN or another long number (the reason is logged for ever)"));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidRequestException(invalid);
        }
        SubjectPseudonyms.Forgotten f = pseudonyms
                .forget(request.command(), caller, trace, organisation)
                .orElseThrow(() -> new LogNotFoundException(NOT_KNOWN));
        trace.logged(f.disclosureId());
        return ResponseEntity.ok().body(new ForgetResponse(true, f.disclosureId()));
    }
}
