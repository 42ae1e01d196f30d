package nl.deelpoort.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides one request against one framework. Immutable and safe to share between threads: all
 * state of a decision lives in local objects. A refusal is a value in the result, never an
 * exception; the default is deny.
 *
 * <p>Order: {@link Rules#REQUEST_RULES} (the first refusal denies everything), then the candidate
 * flows for purpose, holder, recipient and roles (none: {@code NO_FLOW}), then
 * {@link Rules#CATEGORY_RULES} per category under each candidate. When several flows fit (F8 and
 * F9), the one that releases the most categories applies; on a tie, the first in the file.
 */
public final class DecisionEngine {
    private static final Text OVERRIDABLE = Wording.of("CONSENT_REQUIRED.overridable");

    private final Framework framework;
    private final FlowIndex index;
    private final PrecomputedReasons reasons;

    public DecisionEngine(Framework framework) {
        this.framework = framework;
        this.index = new FlowIndex(framework);
        this.reasons = new PrecomputedReasons(framework);
    }

    public Framework framework() {
        return framework;
    }

    public DecisionResult decide(DecisionRequest request) {
        RequestContext context = new RequestContext(framework, request);
        for (Rules.RequestRule rule : Rules.REQUEST_RULES) {
            if (rule.check(context) instanceof Verdict.Refused refusal) {
                return denied(request, refusal.reasons());
            }
        }
        List<Flow> route = index.flows(request.purpose(), request.holder(), request.recipient());
        List<Flow> candidates = new ArrayList<>(route.size());
        for (Flow flow : route) {
            if (Rules.rolesFit(context, flow)) {
                candidates.add(flow);
            }
        }
        if (candidates.isEmpty()) {
            Reason reason = Rules.noFlow(context, route, index.purposes(request.holder(), request.recipient()));
            return denied(request, List.of(reason));
        }
        if (candidates.size() == 1) {
            Evaluation only = evaluate(context, candidates.get(0), true);
            return result(context, only, List.of(only));
        }
        // Several flows fit (F8 and F9): first what each would release, rendering no sentence; then
        // explain only what the result shows: the winner, or every candidate when all of them deny.
        List<Evaluation> evaluations = new ArrayList<>(candidates.size());
        int best = 0;
        for (Flow flow : candidates) {
            Evaluation evaluation = evaluate(context, flow, false);
            evaluations.add(evaluation);
            if (evaluation.released.size() > evaluations.get(best).released.size()) {
                best = evaluations.size() - 1;
            }
        }
        Evaluation winner = evaluations.get(best);
        if (winner.released.isEmpty()) {
            evaluations.replaceAll(quiet -> evaluate(context, quiet.flow, true));
        } else if (!winner.withheld.isEmpty()) {
            evaluations.set(best, evaluate(context, winner.flow, true));
        }
        // A winner that withholds nothing has nothing to explain: its quiet evaluation is the result.
        return result(context, evaluations.get(best), evaluations);
    }

    /** What one candidate flow would release, and why it would withhold the rest. */
    private static final class Evaluation {
        final Flow flow;
        final Set<Category> released = EnumSet.noneOf(Category.class);
        final Map<Category, List<Reason>> withheld = new EnumMap<>(Category.class);
        /** In the order first used; a request names a handful at most, so a list beats a set. */
        final List<String> consentIds = new ArrayList<>(2);

        String overrideId;
        String measureId;

        Evaluation(Flow flow) {
            this.flow = flow;
        }
    }

    /** @param explain whether refusals are rendered ({@link FlowContext#explain}) */
    private Evaluation evaluate(RequestContext context, Flow flow, boolean explain) {
        FlowContext c = new FlowContext(framework, reasons, context, flow, explain);
        Evaluation e = new Evaluation(flow);
        for (Category category : context.request.categories()) {
            String consentId = null;
            String overrideId = null;
            String measureId = null;
            List<Reason> refusal = null;
            for (Rules.CategoryRule rule : Rules.CATEGORY_RULES) {
                Verdict verdict = rule.check(c, category);
                if (verdict instanceof Verdict.Refused refused) {
                    refusal = refused.reasons();
                    break;
                }
                Verdict.Allowed allowed = (Verdict.Allowed) verdict;
                if (allowed.ground() != null) {
                    switch (allowed.ground()) {
                        case CONSENT -> consentId = allowed.id();
                        case OVERRIDE -> overrideId = allowed.id();
                        case MEASURE -> measureId = allowed.id();
                    }
                }
            }
            if (refusal != null) {
                e.withheld.put(category, refusal);
                continue;
            }
            e.released.add(category);
            if (consentId != null && !e.consentIds.contains(consentId)) {
                e.consentIds.add(consentId);
            }
            if (overrideId != null) {
                e.overrideId = overrideId;
            }
            if (measureId != null) {
                e.measureId = measureId;
            }
        }
        return e;
    }

    private DecisionResult result(RequestContext context, Evaluation best, List<Evaluation> evaluations) {
        Decision decision =
                best.released.isEmpty() ? Decision.DENY : best.withheld.isEmpty() ? Decision.PERMIT : Decision.PARTIAL;
        List<Reason> reasons = List.of();
        if (decision == Decision.DENY) {
            // Every candidate's reasons, so that "no measure (F8)" comes with "and no consent (F9)";
            // each once, in order of first appearance (the same reason object is usually shared).
            List<Reason> all = new ArrayList<>();
            addDistinct(all, best.withheld);
            for (Evaluation other : evaluations) {
                addDistinct(all, other.withheld);
            }
            reasons = List.copyOf(all);
        }
        List<Reason> conditions = context.subject == null ? conditions(context, evaluations) : List.of();
        Flow flow = best.flow;
        return new DecisionResult(
                decision,
                Collections.unmodifiableSet(best.released),
                Collections.unmodifiableMap(best.withheld),
                reasons,
                conditions,
                Optional.of(flow.id()),
                Optional.of(flow.agreementId()),
                Optional.of(flow.legalBasis()),
                flow.sources(),
                List.copyOf(best.consentIds),
                Optional.ofNullable(best.overrideId),
                Optional.ofNullable(best.measureId),
                flow.confidential(),
                framework.policyVersion());
    }

    private static void addDistinct(List<Reason> all, Map<Category, List<Reason>> withheld) {
        for (List<Reason> reasons : withheld.values()) {
            for (Reason reason : reasons) {
                if (!containsReason(all, reason)) {
                    all.add(reason);
                }
            }
        }
    }

    private static boolean containsReason(List<Reason> all, Reason reason) {
        for (int i = 0, n = all.size(); i < n; i++) {
            Reason r = all.get(i);
            if (r == reason || r.equals(reason)) {
                return true;
            }
        }
        return false;
    }

    /** For a general question: the grounds each workable candidate flow would need for a real person. */
    private static List<Reason> conditions(RequestContext context, List<Evaluation> evaluations) {
        List<Reason> conditions = new ArrayList<>();
        for (Evaluation e : evaluations) {
            if (e.released.isEmpty()) {
                continue;
            }
            Flow flow = e.flow;
            if (flow.needsMeasure()) {
                conditions.add(ReasonCode.MEASURE_REQUIRED.reason(
                        "flow", flow.id(), "recipient", context.request.recipient()));
            }
            if (flow.consentRequired()) {
                Text overridable = flow.overridable() ? OVERRIDABLE : Text.EMPTY;
                conditions.add(ReasonCode.CONSENT_REQUIRED.reason(
                        "flow", flow.id(),
                        "recipient", context.request.recipient(),
                        "purpose", flow.purpose(),
                        "overridable", overridable));
            }
        }
        return List.copyOf(conditions);
    }

    private DecisionResult denied(DecisionRequest request, List<Reason> reasons) {
        Map<Category, List<Reason>> withheld = new EnumMap<>(Category.class);
        for (Category category : request.categories()) {
            withheld.put(category, reasons);
        }
        return new DecisionResult(
                Decision.DENY,
                Set.of(),
                Collections.unmodifiableMap(withheld),
                List.copyOf(reasons),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                false,
                framework.policyVersion());
    }
}
