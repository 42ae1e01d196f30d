package nl.deelpoort.gateway.decision;

import java.util.Optional;
import nl.deelpoort.gateway.logstore.DisclosureLog;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.policy.DecisionRequest;
import nl.deelpoort.policy.DecisionResult;
import nl.deelpoort.policy.Framework;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * "May I share this?" — a decision without moving any data (docs/api.md "Decisions"). Who may call it
 * (professionals and partner systems) is declared in the security configuration; here the caller
 * must act for an organisation, which is the side it is on.
 */
@RestController
class EvaluateController {

    private final Framework framework;
    private final DecisionService decisions;
    private final SubjectPseudonyms pseudonyms;
    private final DisclosureLog log;
    private final DecisionEntries entries;

    EvaluateController(
            Framework framework,
            DecisionService decisions,
            SubjectPseudonyms pseudonyms,
            DisclosureLog log,
            DecisionEntries entries) {
        this.framework = framework;
        this.decisions = decisions;
        this.pseudonyms = pseudonyms;
        this.log = log;
        this.entries = entries;
    }

    @PostMapping("/api/v1/decisions/evaluate")
    DecisionView evaluate(Caller caller, @RequestBody(required = false) ExchangeQuestion.Body body) {
        caller.requireOrganisation();
        ExchangeQuestion question = ExchangeQuestion.from(body, framework, Optional.empty());
        Optional<String> pseudonym = question.subject().map(pseudonyms::pseudonym);
        DecisionRequest request = decisions.request(caller, question, pseudonym);
        DecisionResult result = decisions.decide(request);
        // A question about a person is itself a processing of their data: log it. A general
        // question ("is there a flow at all?") concerns nobody and is not logged.
        Long disclosureId =
                pseudonym.isPresent() ? log.append(entries.entry(EntryKind.EVALUATION, caller, request, result)) : null;
        return DecisionView.of(result, disclosureId);
    }
}
