package nl.deelpoort.gateway.console.professional;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.deelpoort.policy.Agreement;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.DecisionResult;
import nl.deelpoort.policy.Flow;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.Reason;
import nl.deelpoort.policy.SourceQuote;

/**
 * A decision as the exchange pages show it, in the viewer's language: allowed, partly or refused,
 * why, under which flow, legal basis and agreement (with the sentences of the policy documents
 * they rest on), and per category whether it is released or withheld and why. The sentences are
 * the policy module's own; nothing here re-words a rule.
 *
 * <p>Public, as are the members its templates use: template expressions read public types only.
 *
 * @param decision PERMIT, PARTIAL or DENY (also the message key's last part and the badge)
 * @param reasons why nothing is released (DENY only)
 * @param conditions for a question without a subject: the grounds a real exchange would need
 * @param disclosureId the EVALUATION entry, when the question named a subject and was logged
 */
public record ExchangeAnswer(
        String decision,
        List<String> reasons,
        List<String> conditions,
        Optional<Basis> basis,
        List<Line> categories,
        List<String> consentIds,
        Optional<String> overrideId,
        Optional<String> measureId,
        boolean confidential,
        String policyVersion,
        Optional<Long> disclosureId) {

    /**
     * What the decision rested on.
     *
     * @param validUntil the agreement's last day in force, empty when open-ended
     * @param flowSources the sentences of the policy documents the flow rests on, quoted in Dutch
     *     with their place ({@code 000:L168}: document 000, line 168) as the framework file has them
     * @param agreementSources the sentences that describe the agreement, empty when the file quotes none
     */
    public record Basis(
            String flow,
            String purpose,
            String legalBasis,
            String agreement,
            int agreementVersion,
            String validFrom,
            Optional<String> validUntil,
            List<SourceQuote> flowSources,
            List<SourceQuote> agreementSources) {}

    /** One category asked about: released, or withheld with the reasons. */
    public record Line(String category, String label, boolean released, List<String> reasons) {}

    public boolean permit() {
        return decision.equals("PERMIT");
    }

    public boolean deny() {
        return decision.equals("DENY");
    }

    /** The badge's class: a word is always shown with it, never the colour alone. */
    public String badge() {
        return switch (decision) {
            case "PERMIT" -> "badge-ok";
            case "PARTIAL" -> "badge-warn";
            default -> "badge-no";
        };
    }

    static ExchangeAnswer of(
            DecisionResult r, Optional<Long> disclosureId, Framework framework, Instant now, PolicyWords words) {
        Set<Category> asked = EnumSet.noneOf(Category.class);
        asked.addAll(r.released());
        asked.addAll(r.withheld().keySet());
        List<Line> lines = asked.stream()
                .map(c -> new Line(
                        c.name(),
                        words.title(c),
                        r.released().contains(c),
                        r.withheld().getOrDefault(c, List.of()).stream()
                                .map(words::reason)
                                .toList()))
                .toList();
        return new ExchangeAnswer(
                r.decision().name(),
                sentences(r.reasons(), words),
                sentences(r.conditions(), words),
                r.flowId().flatMap(framework::flow).map(f -> basis(f, framework, now, words)),
                lines,
                r.consentIds(),
                r.overrideId(),
                r.measureId(),
                r.confidential(),
                r.policyVersion(),
                disclosureId);
    }

    private static Basis basis(Flow flow, Framework framework, Instant now, PolicyWords words) {
        // The loader refuses a flow without its agreement. A decision under an agreement that is not
        // in force (AGREEMENT_NOT_IN_FORCE) names its latest version.
        List<Agreement> versions = framework.agreementVersions(flow.agreementId());
        Agreement agreement =
                framework.agreementInForce(flow.agreementId(), now).orElse(versions.get(versions.size() - 1));
        return new Basis(
                flow.id(),
                words.title(flow.purpose()),
                words.title(flow.legalBasis()),
                agreement.title(),
                agreement.version(),
                words.date(agreement.validFrom()),
                Optional.ofNullable(agreement.validUntil()).map(words::date),
                flow.sources(),
                agreement.sources());
    }

    private static List<String> sentences(List<Reason> reasons, PolicyWords words) {
        return reasons.stream().map(words::reason).toList();
    }
}
