package nl.deelpoort.policy;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The refusals whose wording depends only on the framework (flow, category, recipient), rendered
 * once when the engine is built. Rendering two languages per withheld category dominated the cost
 * of a decision that withholds many categories; with this, such a decision is map lookups too.
 */
final class PrecomputedReasons {
    private final Map<String, Map<Category, Reason>> notInFlow = new HashMap<>();
    private final Map<String, Map<Category, Reason>> identifying = new HashMap<>();
    private final Map<String, Map<OrganisationId, Map<Category, Reason>>> consentMissing = new HashMap<>();

    PrecomputedReasons(Framework framework) {
        for (Flow flow : framework.flows()) {
            Map<Category, Reason> notNamed = new EnumMap<>(Category.class);
            Map<Category, Reason> identifies = new EnumMap<>(Category.class);
            for (Category category : Category.values()) {
                if (!flow.names(category)) {
                    notNamed.put(category, Rules.notInFlowReason(flow, category));
                }
                if (category.isIdentifying()) {
                    identifies.put(category, Rules.identifyingReason(flow, category));
                }
            }
            notInFlow.put(flow.id(), notNamed);
            identifying.put(flow.id(), identifies);
            if (flow.consentRequired()) {
                Map<OrganisationId, Map<Category, Reason>> byRecipient = new HashMap<>();
                for (Organisation recipient : framework.organisations()) {
                    if (!flow.recipient().includes(recipient)) {
                        continue;
                    }
                    Map<Category, Reason> missing = new EnumMap<>(Category.class);
                    for (Category category : flow.categories()) {
                        missing.put(category, Rules.consentMissingReason(flow, recipient.id(), category));
                    }
                    byRecipient.put(recipient.id(), missing);
                }
                consentMissing.put(flow.id(), byRecipient);
            }
        }
    }

    Reason notInFlow(Flow flow, Category category) {
        Reason reason = notInFlow.getOrDefault(flow.id(), Map.of()).get(category);
        return reason != null ? reason : Rules.notInFlowReason(flow, category);
    }

    Reason identifying(Flow flow, Category category) {
        Reason reason = identifying.getOrDefault(flow.id(), Map.of()).get(category);
        return reason != null ? reason : Rules.identifyingReason(flow, category);
    }

    Reason consentMissing(Flow flow, OrganisationId recipient, Category category) {
        Reason reason = consentMissing
                .getOrDefault(flow.id(), Map.of())
                .getOrDefault(recipient, Map.of())
                .get(category);
        return reason != null ? reason : Rules.consentMissingReason(flow, recipient, category);
    }
}
