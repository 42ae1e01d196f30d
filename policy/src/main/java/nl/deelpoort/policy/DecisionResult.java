package nl.deelpoort.policy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The engine's answer. {@code released} and the keys of {@code withheld} together are exactly the
 * requested categories; every withheld category has at least one reason, and a DENY has at least
 * one top-level reason.
 *
 * @param reasons why nothing is released (DENY only; empty otherwise)
 * @param conditions for a general question (no subject): the grounds a real disclosure would need
 * @param flowId the flow that applied; when several matched, the one releasing the most
 * @param sources the sentences of the policy documents that flow rests on (empty without a flow)
 * @param consentIds the consents that released at least one category
 * @param overrideId the safety override that released at least one category
 * @param measureId the child-protection measure that released the data
 * @param confidential the flow's confidentiality flag (hidden from the subject's own view)
 */
public record DecisionResult(
        Decision decision,
        Set<Category> released,
        Map<Category, List<Reason>> withheld,
        List<Reason> reasons,
        List<Reason> conditions,
        Optional<String> flowId,
        Optional<String> agreementId,
        Optional<LegalBasis> legalBasis,
        List<SourceQuote> sources,
        List<String> consentIds,
        Optional<String> overrideId,
        Optional<String> measureId,
        boolean confidential,
        String policyVersion) {

    /** All reason codes in this result, top-level and per withheld category. */
    public Set<ReasonCode> reasonCodes() {
        Set<ReasonCode> codes = EnumSet.noneOf(ReasonCode.class);
        reasons.forEach(r -> codes.add(r.code()));
        withheld.values().forEach(list -> list.forEach(r -> codes.add(r.code())));
        return codes;
    }
}
