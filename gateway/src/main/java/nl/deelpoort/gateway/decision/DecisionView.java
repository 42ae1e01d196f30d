package nl.deelpoort.gateway.decision;

import java.util.List;
import java.util.Map;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.DecisionResult;
import nl.deelpoort.policy.Reason;
import nl.deelpoort.policy.SourceQuote;

/**
 * A decision as docs/api.md shows it: released, withheld with reasons, and what it rested on.
 *
 * @param sources the sentences of the policy documents the flow rests on, so that a partner system
 *     can show the words of the agreement and not only its name; empty when no flow applied
 */
public record DecisionView(
        String decision,
        List<Category> released,
        List<Withheld> withheld,
        List<ReasonView> reasons,
        List<ReasonView> conditions,
        String flow,
        String agreement,
        String legalBasis,
        List<SourceQuote> sources,
        String consentId,
        List<String> consentIds,
        String overrideId,
        String measureId,
        boolean confidential,
        String policyVersion,
        Long disclosureId) {

    public record Withheld(Category category, List<ReasonView> reasons) {}

    /** One reason; the field names follow docs/api.md ({@code message_nl}, {@code message_en}). */
    public record ReasonView(
            String code,

            @com.fasterxml.jackson.annotation.JsonProperty("message_nl")
            String messageNl,

            @com.fasterxml.jackson.annotation.JsonProperty("message_en")
            String messageEn) {

        public static ReasonView of(Reason reason) {
            return new ReasonView(reason.code().name(), reason.messageNl(), reason.messageEn());
        }

        public static List<ReasonView> of(List<Reason> reasons) {
            return reasons.stream().map(ReasonView::of).toList();
        }
    }

    public static DecisionView of(DecisionResult r, Long disclosureId) {
        List<Withheld> withheld = r.withheld().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new Withheld(e.getKey(), ReasonView.of(e.getValue())))
                .toList();
        return new DecisionView(
                r.decision().name(),
                r.released().stream().sorted().toList(),
                withheld,
                ReasonView.of(r.reasons()),
                ReasonView.of(r.conditions()),
                r.flowId().orElse(null),
                r.agreementId().orElse(null),
                r.legalBasis().map(Enum::name).orElse(null),
                r.sources(),
                r.consentIds().isEmpty() ? null : r.consentIds().get(0),
                r.consentIds(),
                r.overrideId().orElse(null),
                r.measureId().orElse(null),
                r.confidential(),
                r.policyVersion(),
                disclosureId);
    }
}
