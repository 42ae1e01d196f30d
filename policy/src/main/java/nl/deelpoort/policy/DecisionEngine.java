package nl.deelpoort.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.IdentityHashMap;
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

    private static final Category[] CATEGORIES = Category.values();

    private final Framework framework;
    private final FlowIndex index;
    private final PrecomputedReasons reasons;
    /** What a result says about its flow, made once per flow rather than per decision. */
    private final Map<Flow, FlowAnswer> answers = new IdentityHashMap<>();

    public DecisionEngine(Framework framework) {
        this.framework = framework;
        this.index = new FlowIndex(framework);
        this.reasons = new PrecomputedReasons(framework);
        for (Flow flow : framework.flows()) {
            answers.put(flow, new FlowAnswer(flow));
        }
    }

    private record FlowAnswer(Optional<String> flowId, Optional<String> agreementId, Optional<LegalBasis> legalBasis) {
        FlowAnswer(Flow flow) {
            this(Optional.of(flow.id()), Optional.of(flow.agreementId()), Optional.of(flow.legalBasis()));
        }
    }

    public Framework framework() {
        return framework;
    }

    public DecisionResult decide(DecisionRequest request) {
        RequestContext context = new RequestContext(framework, request);
        for (int i = 0, n = Rules.REQUEST_RULES.size(); i < n; i++) {
            if (Rules.REQUEST_RULES.get(i).check(context) instanceof Verdict.Refused refusal) {
                return denied(request, refusal.reasons());
            }
        }
        List<Flow> route = index.flows(request.purpose(), request.holder(), request.recipient());
        Flow first = null;
        int fitting = 0;
        for (int i = 0, n = route.size(); i < n; i++) {
            if (Rules.rolesFit(context, route.get(i))) {
                first = fitting++ == 0 ? route.get(i) : first;
            }
        }
        if (fitting == 0) {
            Reason reason = Rules.noFlow(context, route, index.purposes(request.holder(), request.recipient()));
            return denied(request, List.of(reason));
        }
        if (fitting == 1) {
            Evaluation only = evaluate(context, first, true);
            return result(context, only, null);
        }
        List<Flow> candidates = new ArrayList<>(fitting);
        for (Flow flow : route) {
            if (Rules.rolesFit(context, flow)) {
                candidates.add(flow);
            }
        }
        // Several flows fit (F8 and F9): first what each would release, rendering no sentence; then
        // explain only what the result shows: the winner, or every candidate when all of them deny.
        List<Evaluation> evaluations = new ArrayList<>(candidates.size());
        int best = 0;
        for (Flow flow : candidates) {
            Evaluation evaluation = evaluate(context, flow, false);
            evaluations.add(evaluation);
            if (evaluation.releasedCount() > evaluations.get(best).releasedCount()) {
                best = evaluations.size() - 1;
            }
        }
        Evaluation winner = evaluations.get(best);
        if (winner.releasedCount() == 0) {
            evaluations.replaceAll(quiet -> evaluate(context, quiet.flow, true));
        } else if (winner.withheld != null) {
            evaluations.set(best, evaluate(context, winner.flow, true));
        }
        // A winner that withholds nothing has nothing to explain: its quiet evaluation is the result.
        return result(context, evaluations.get(best), evaluations);
    }

    /**
     * What one candidate flow would release, and why it would withhold the rest. The map of withheld
     * categories and the list of consents are made when first needed: a permit withholds nothing, and
     * most decisions rest on one consent or none.
     */
    private static final class Evaluation {
        final Flow flow;
        final Set<Category> released = EnumSet.noneOf(Category.class);
        /** {@code null} while nothing is withheld. */
        Map<Category, List<Reason>> withheld;
        /** The first consent used; {@code moreConsentIds} the others, in the order first used. */
        String consentId;

        List<String> moreConsentIds;
        String overrideId;
        String measureId;

        Evaluation(Flow flow) {
            this.flow = flow;
        }

        int releasedCount() {
            return released.size();
        }

        void withhold(Category category, List<Reason> reasons) {
            if (withheld == null) {
                withheld = new EnumMap<>(Category.class);
            }
            withheld.put(category, reasons);
        }

        void usedConsent(String id) {
            if (consentId == null) {
                consentId = id;
            } else if (!consentId.equals(id)) {
                if (moreConsentIds == null) {
                    moreConsentIds = new ArrayList<>(2);
                }
                if (!moreConsentIds.contains(id)) {
                    moreConsentIds.add(id);
                }
            }
        }

        List<String> consentIds() {
            if (consentId == null) {
                return List.of();
            }
            if (moreConsentIds == null) {
                return List.of(consentId);
            }
            List<String> all = new ArrayList<>(1 + moreConsentIds.size());
            all.add(consentId);
            all.addAll(moreConsentIds);
            return List.copyOf(all);
        }

        Map<Category, List<Reason>> withheldView() {
            return withheld == null ? Collections.emptyMap() : Collections.unmodifiableMap(withheld);
        }
    }

    /** @param explain whether refusals are rendered ({@link FlowContext#explain}) */
    private Evaluation evaluate(RequestContext context, Flow flow, boolean explain) {
        FlowContext c = new FlowContext(framework, reasons, context, flow, explain);
        Evaluation e = new Evaluation(flow);
        Set<Category> requested = context.request.categories();
        // In the order of the enum, as the request's EnumSet iterates, without an iterator per flow.
        for (Category category : CATEGORIES) {
            if (!requested.contains(category)) {
                continue;
            }
            String consentId = null;
            String overrideId = null;
            String measureId = null;
            List<Reason> refusal = null;
            for (int r = 0, n = Rules.CATEGORY_RULES.size(); r < n; r++) {
                Verdict verdict = Rules.CATEGORY_RULES.get(r).check(c, category);
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
                e.withhold(category, refusal);
                continue;
            }
            e.released.add(category);
            if (consentId != null) {
                e.usedConsent(consentId);
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

    /** @param evaluations every candidate, or {@code null} when {@code best} was the only one */
    private DecisionResult result(RequestContext context, Evaluation best, List<Evaluation> evaluations) {
        Decision decision =
                best.releasedCount() == 0 ? Decision.DENY : best.withheld == null ? Decision.PERMIT : Decision.PARTIAL;
        List<Reason> reasons = List.of();
        if (decision == Decision.DENY) {
            // Every candidate's reasons, so that "no measure (F8)" comes with "and no consent (F9)";
            // each once, in order of first appearance (the same reason object is usually shared).
            List<Reason> all = new ArrayList<>(4);
            addDistinct(all, best.withheld);
            if (evaluations != null) {
                for (Evaluation other : evaluations) {
                    addDistinct(all, other.withheld);
                }
            }
            reasons = List.copyOf(all);
        }
        List<Reason> conditions = context.subject == null
                ? conditions(context, evaluations == null ? List.of(best) : evaluations)
                : List.of();
        Flow flow = best.flow;
        FlowAnswer answer = answers.get(flow);
        if (answer == null) {
            answer = new FlowAnswer(flow);
        }
        return new DecisionResult(
                decision,
                Collections.unmodifiableSet(best.released),
                best.withheldView(),
                reasons,
                conditions,
                answer.flowId(),
                answer.agreementId(),
                answer.legalBasis(),
                flow.sources(),
                best.consentIds(),
                Optional.ofNullable(best.overrideId),
                Optional.ofNullable(best.measureId),
                flow.confidential(),
                framework.policyVersion());
    }

    private static void addDistinct(List<Reason> all, Map<Category, List<Reason>> withheld) {
        if (withheld == null) {
            return;
        }
        for (Category category : CATEGORIES) {
            List<Reason> reasons = withheld.get(category);
            if (reasons == null) {
                continue;
            }
            for (int i = 0, n = reasons.size(); i < n; i++) {
                Reason reason = reasons.get(i);
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
            if (e.releasedCount() == 0) {
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
