package nl.deelpoort.gateway.exchange;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.deelpoort.gateway.decision.DecisionEntries;
import nl.deelpoort.gateway.decision.DecisionService;
import nl.deelpoort.gateway.decision.DecisionView;
import nl.deelpoort.gateway.decision.ExchangeQuestion;
import nl.deelpoort.gateway.filesystem.CaseFileClient;
import nl.deelpoort.gateway.filesystem.CaseFileException;
import nl.deelpoort.gateway.logstore.DisclosureLog;
import nl.deelpoort.gateway.logstore.LogUnavailableException;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.gateway.web.TraceContext;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.Decision;
import nl.deelpoort.policy.DecisionRequest;
import nl.deelpoort.policy.DecisionResult;
import nl.deelpoort.policy.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pull (docs/api.md, {@code POST /api/v1/disclosures}): the caller, as recipient, asks for a subject's
 * file held by another organisation. Decide → log the DISCLOSURE and wait for its commit → fetch from
 * the holder → release only the released sections. A denial is logged like a permit; a file system
 * failure after the commit is logged as DELIVERY_FAILED referring to the disclosure.
 */
@RestController
class PullController {

    private static final Logger log = LoggerFactory.getLogger(PullController.class);

    private final Framework framework;
    private final DecisionService decisions;
    private final SubjectPseudonyms pseudonyms;
    private final DisclosureLog disclosureLog;
    private final DecisionEntries entries;
    private final CaseFileClient caseFiles;

    PullController(
            Framework framework,
            DecisionService decisions,
            SubjectPseudonyms pseudonyms,
            DisclosureLog disclosureLog,
            DecisionEntries entries,
            CaseFileClient caseFiles) {
        this.framework = framework;
        this.decisions = decisions;
        this.pseudonyms = pseudonyms;
        this.disclosureLog = disclosureLog;
        this.entries = entries;
        this.caseFiles = caseFiles;
    }

    /** The answer: the decision as evaluate shows it, plus the released sections. */
    record PullView(
            String decision,
            List<Category> released,
            List<DecisionView.Withheld> withheld,
            String flow,
            String agreement,
            String legalBasis,
            List<String> consentIds,
            String overrideId,
            String measureId,
            boolean confidential,
            String policyVersion,
            long disclosureId,
            ObjectNode data) {

        static PullView of(DecisionResult result, long disclosureId, ObjectNode data) {
            DecisionView d = DecisionView.of(result, disclosureId);
            return new PullView(
                    d.decision(),
                    d.released(),
                    d.withheld(),
                    d.flow(),
                    d.agreement(),
                    d.legalBasis(),
                    d.consentIds(),
                    d.overrideId(),
                    d.measureId(),
                    d.confidential(),
                    d.policyVersion(),
                    disclosureId,
                    data);
        }
    }

    @PostMapping("/api/v1/disclosures")
    PullView pull(
            Caller caller,
            @RequestBody(required = false) ExchangeQuestion.Body body,
            HttpServletRequest http,
            HttpServletResponse response) {
        String organisation = caller.requireOrganisation().value();
        ExchangeQuestion question = question(body, organisation);
        Bsn subject = question.subject().orElseThrow();
        String pseudonym = pseudonyms.pseudonym(subject);
        DecisionRequest request = decisions.request(caller, question, Optional.of(pseudonym));
        DecisionResult result = decisions.decide(request);
        TraceContext trace = TraceContext.of(http);

        long seq = disclosureLog.append(
                Sharing.traced(entries.entry(EntryKind.DISCLOSURE, caller, request, result), trace));
        Sharing.disclosed(response, seq);
        if (result.decision() == Decision.DENY) {
            throw new DisclosureDeniedException(result, seq);
        }

        JsonNode file;
        try {
            file = caseFiles.fetch(question.holder(), subject, trace.traceparent());
        } catch (CaseFileException e) {
            logDeliveryFailure(caller, request, result, seq, e, trace);
            throw new DeliveryFailedException(e, seq);
        }
        return PullView.of(result, seq, Sections.released(file.get("sections"), result.released()));
    }

    /** Evaluate's question, with the rules of a pull: a subject, the caller as recipient, another holder. */
    private ExchangeQuestion question(ExchangeQuestion.Body body, String organisation) {
        ExchangeQuestion question = ExchangeQuestion.from(body, framework, Optional.of(organisation));
        List<InvalidField> errors = new java.util.ArrayList<>();
        if (question.subject().isEmpty()) {
            errors.add(new InvalidField("subject", "is required for a disclosure"));
        }
        if (!question.recipient().value().equals(organisation)) {
            errors.add(new InvalidField("recipient", "is your own organisation on a pull; leave it out"));
        } else if (question.holder().value().equals(organisation)) {
            errors.add(new InvalidField("holder", "must be another organisation than yours"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return question;
    }

    private void logDeliveryFailure(
            Caller caller,
            DecisionRequest request,
            DecisionResult result,
            long disclosureSeq,
            CaseFileException failure,
            TraceContext trace) {
        try {
            disclosureLog.append(Sharing.traced(
                    entries.entry(EntryKind.DELIVERY_FAILED, caller, request, result)
                            .decision(null)
                            .reasonCodes(null)
                            .categoriesReleased(List.of())
                            .referenceId(Long.toString(disclosureSeq))
                            .attributes(Map.of("failure", failure.failure().name())),
                    trace));
        } catch (LogUnavailableException e) {
            // The caller gets the file system's failure either way and nothing was released; the
            // DISCLOSURE entry without its DELIVERY_FAILED says more was shared than was: the safe side.
            log.warn("Could not log the delivery failure of disclosure {}: {}", disclosureSeq, e.getMessage());
        }
    }
}
