package nl.deelpoort.policy;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The refusals whose wording depends only on the framework (flow, category, recipient), rendered
 * once when the engine is built. Rendering two languages per withheld category dominated the cost
 * of a decision that withholds many categories; with this, such a decision is map lookups too. Each
 * is kept as the rule's whole refusal, so that withholding a category allocates nothing.
 */
final class PrecomputedReasons {
    private final Map<String, Map<Category, Verdict.Refused>> notInFlow = new HashMap<>();
    private final Map<String, Map<Category, Verdict.Refused>> identifying = new HashMap<>();
    private final Map<String, Map<OrganisationId, Map<Category, Verdict.Refused>>> consentMissing = new HashMap<>();

    PrecomputedReasons(Framework framework) {
        for (Flow flow : framework.flows()) {
            Map<Category, Verdict.Refused> notNamed = new EnumMap<>(Category.class);
            Map<Category, Verdict.Refused> identifies = new EnumMap<>(Category.class);
            for (Category category : Category.values()) {
                if (!flow.names(category)) {
                    notNamed.put(category, Verdict.refused(Rules.notInFlowReason(flow, category)));
                }
                if (category.isIdentifying()) {
                    identifies.put(category, Verdict.refused(Rules.identifyingReason(flow, category)));
                }
            }
            notInFlow.put(flow.id(), notNamed);
            identifying.put(flow.id(), identifies);
            if (flow.consentRequired()) {
                Map<OrganisationId, Map<Category, Verdict.Refused>> byRecipient = new HashMap<>();
                for (Organisation recipient : framework.organisations()) {
                    if (!flow.recipient().includes(recipient)) {
                        continue;
                    }
                    Map<Category, Verdict.Refused> missing = new EnumMap<>(Category.class);
                    for (Category category : flow.categories()) {
                        missing.put(
                                category, Verdict.refused(Rules.consentMissingReason(flow, recipient.id(), category)));
                    }
                    byRecipient.put(recipient.id(), missing);
                }
                consentMissing.put(flow.id(), byRecipient);
            }
        }
    }

    /** The refusal of a category the flow does not name; one object per flow and category, shared. */
    Verdict.Refused notInFlow(Flow flow, Category category) {
        Verdict.Refused refusal = notInFlow.getOrDefault(flow.id(), Map.of()).get(category);
        return refusal != null ? refusal : Verdict.refused(Rules.notInFlowReason(flow, category));
    }

    Verdict.Refused identifying(Flow flow, Category category) {
        Verdict.Refused refusal = identifying.getOrDefault(flow.id(), Map.of()).get(category);
        return refusal != null ? refusal : Verdict.refused(Rules.identifyingReason(flow, category));
    }

    Verdict.Refused consentMissing(Flow flow, OrganisationId recipient, Category category) {
        Verdict.Refused refusal = consentMissing
                .getOrDefault(flow.id(), Map.of())
                .getOrDefault(recipient, Map.of())
                .get(category);
        return refusal != null ? refusal : Verdict.refused(Rules.consentMissingReason(flow, recipient, category));
    }
}
