package nl.deelpoort.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One candidate flow for one request. Whatever does not depend on the category (the agreement, the
 * measure, the invoked override) is looked up once here and shared by all categories.
 */
final class FlowContext {
    final Framework framework;
    final PrecomputedReasons reasons;
    final RequestContext request;
    final Flow flow;
    final Instant time;
    private Verdict agreementVerdict;
    private Verdict measureVerdict;
    private boolean overrideLooked;
    private OverrideFact override;
    /**
     * False while the engine only needs to know what a flow would release (a candidate that loses to
     * another): rules then refuse with {@link Verdict#UNEXPLAINED} instead of rendering sentences.
     */
    final boolean explain;

    private Memo[] memo;
    private int memoSize;
    private Verdict.Allowed lastAllowed;

    FlowContext(Framework framework, PrecomputedReasons reasons, RequestContext request, Flow flow, boolean explain) {
        this.explain = explain;
        this.framework = framework;
        this.reasons = reasons;
        this.request = request;
        this.flow = flow;
        this.time = request.request.time();
    }

    String subject() {
        return request.subject;
    }

    Facts facts() {
        return request.request.facts();
    }

    OrganisationId holderId() {
        return request.request.holder();
    }

    OrganisationId recipientId() {
        return request.request.recipient();
    }

    /** The organisation that asks; refusals only name grounds this organisation may know of. */
    OrganisationId callerId() {
        return request.request.caller().organisation();
    }

    Verdict agreement() {
        if (agreementVerdict == null) {
            agreementVerdict = Rules.agreementOf(this);
        }
        return agreementVerdict;
    }

    Verdict measure() {
        if (measureVerdict == null) {
            measureVerdict = Rules.measureOf(this);
        }
        return measureVerdict;
    }

    /**
     * The override the caller invokes, if it exists for this subject and was given to the caller
     * ({@link Rules#overrideVisibleToCaller}); {@code null} otherwise. An override the caller cannot
     * see was not given to it: it neither authorises nor is explained, as if it did not exist.
     */
    OverrideFact invokedOverride() {
        if (!overrideLooked) {
            overrideLooked = true;
            String id = facts().invokedOverrideId().orElse(null);
            if (id != null && subject() != null) {
                List<OverrideFact> overrides = facts().overrides();
                for (int i = 0, n = overrides.size(); i < n; i++) {
                    OverrideFact fact = overrides.get(i);
                    if (fact.id().equals(id)
                            && fact.subjectPseudonym().equals(subject())
                            && Rules.overrideVisibleToCaller(this, fact)) {
                        override = fact;
                        break;
                    }
                }
            }
        }
        return override;
    }

    /**
     * A reason that does not depend on the category (a withdrawn consent, an expired override) is
     * rendered once per flow and shared by every category it withholds, as one refusal: {@link
     * #remembered} finds it, {@link #remember} keeps it. A linear list, because a flow has one or two
     * such reasons; looking one up allocates nothing.
     */
    Verdict.Refused remembered(ReasonCode code, String id, Object detail) {
        for (int i = 0; i < memoSize; i++) {
            Memo m = memo[i];
            if (m.code == code && m.id.equals(id) && m.detail == detail) {
                return m.refusal;
            }
        }
        return null;
    }

    /**
     * The refusal of {@code code} for the ground {@code id}, remembered per flow: its reason (three named
     * values) is written only the first time, no array or sentence for a repeat.
     */
    Verdict.Refused refusal(
            ReasonCode code, String id, String k1, Object v1, String k2, Object v2, String k3, Object v3) {
        Verdict.Refused known = remembered(code, id, null);
        return known != null ? known : remember(code, id, null, code.reason(k1, v1, k2, v2, k3, v3));
    }

    Verdict.Refused remember(ReasonCode code, String id, Object detail, Reason reason) {
        if (memo == null) {
            memo = new Memo[4];
        } else if (memoSize == memo.length) {
            memo = Arrays.copyOf(memo, memoSize * 2);
        }
        Verdict.Refused refusal = Verdict.refused(reason);
        memo[memoSize++] = new Memo(code, id, detail, refusal);
        return refusal;
    }

    /** @param detail an enum constant (compared by identity) that tells reasons of one code and id apart */
    private record Memo(ReasonCode code, String id, Object detail, Verdict.Refused refusal) {}

    /**
     * Allowed on this ground by this fact: the same verdict object as for the previous category when
     * the same fact covers it (one consent usually covers every category of a request).
     */
    Verdict.Allowed allowedOn(Verdict.Ground ground, String id) {
        Verdict.Allowed last = lastAllowed;
        if (last != null && last.ground() == ground && last.id() == id) {
            return last;
        }
        return lastAllowed = Verdict.on(ground, id);
    }

    /** The declared expiry, capped at the framework's maximum so a bad record cannot outlive the rules. */
    Instant overrideEnd(OverrideFact fact) {
        Duration max = framework.overridePolicy().maxDuration();
        Instant cap = fact.declaredAt().plus(max);
        return fact.expiresAt().isBefore(cap) ? fact.expiresAt() : cap;
    }
}
