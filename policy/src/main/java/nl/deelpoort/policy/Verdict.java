package nl.deelpoort.policy;

import java.util.List;

/** What one rule says: allowed (possibly on a named ground) or refused with reasons. Never an exception. */
sealed interface Verdict permits Verdict.Allowed, Verdict.Refused {
    Allowed ALLOWED = new Allowed(null, null);

    /**
     * A refusal whose sentences were not rendered, because nobody will read them: only in a {@link
     * FlowContext} that does not {@linkplain FlowContext#explain explain}. Never in a result.
     */
    Refused UNEXPLAINED = new Refused(List.of());

    /** The legal ground a rule relied on, recorded with the disclosure. */
    enum Ground {
        CONSENT,
        OVERRIDE,
        MEASURE
    }

    /** @param ground {@code null} when the rule needed no ground of its own */
    record Allowed(Ground ground, String id) implements Verdict {}

    record Refused(List<Reason> reasons) implements Verdict {}

    /** One rule about a question of type {@code Q}; a list of them is read top to bottom. */
    interface Rule<Q> {
        Verdict check(Q question);
    }

    static Allowed on(Ground ground, String id) {
        return new Allowed(ground, id);
    }

    static Refused refused(Reason reason) {
        return new Refused(List.of(reason));
    }

    static Refused refused(Reason first, Reason second) {
        return new Refused(List.of(first, second));
    }

    /** The reasons of the first rule that refuses; empty when every rule allows. */
    static <Q> List<Reason> firstRefusal(List<Rule<Q>> rules, Q question) {
        for (Rule<Q> rule : rules) {
            if (rule.check(question) instanceof Refused refusal) {
                return refusal.reasons();
            }
        }
        return List.of();
    }
}
