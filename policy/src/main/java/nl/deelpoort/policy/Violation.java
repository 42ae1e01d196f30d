package nl.deelpoort.policy;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One rule that a request to record a ground breaks: the field it is about, as a JSON path of the
 * gateway's API ({@code purposes[0]}, {@code subject.birthDate}; {@code ""} for the request as a
 * whole), and the reason in both languages. The answer of {@link ConsentScopeRules}, {@link
 * MeasureRules} and {@link OverrideRules} is a list of these; empty means allowed.
 */
public record Violation(String field, Reason reason) {
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    /** Adds a violation of {@code field} for every reason of a refusal; nothing when allowed. */
    static void add(List<Violation> found, String field, Verdict verdict) {
        if (verdict instanceof Verdict.Refused refused) {
            refused.reasons().forEach(reason -> found.add(new Violation(field, reason)));
        }
    }

    /** Applies a rule to each element, adding its refusals as {@code field[i]}, in the collection's order. */
    static <E> void each(List<Violation> found, String field, Collection<E> elements, Function<E, Verdict> rule) {
        int i = 0;
        for (E element : elements) {
            add(found, field + "[" + i + "]", rule.apply(element));
            i++;
        }
    }
}
