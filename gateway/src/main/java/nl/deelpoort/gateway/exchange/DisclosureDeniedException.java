package nl.deelpoort.gateway.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deelpoort.gateway.decision.DecisionView;
import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import nl.deelpoort.policy.DecisionResult;
import nl.deelpoort.policy.Reason;
import org.springframework.http.HttpStatus;

/**
 * A pull or push was decided DENY; the denial is logged as {@code disclosureId}: 403 with the
 * reasons, the general ones first, then each distinct per-category one.
 */
class DisclosureDeniedException extends ProblemException {

    DisclosureDeniedException(DecisionResult result, long disclosureId) {
        this(reasons(result), disclosureId);
    }

    private DisclosureDeniedException(List<Reason> reasons, long disclosureId) {
        super(
                HttpStatus.FORBIDDEN,
                ProblemTypes.DISCLOSURE_DENIED,
                "Disclosure denied",
                "Nothing may be shared: "
                        + (reasons.isEmpty()
                                ? "no flow allows it."
                                : reasons.get(0).messageEn()));
        property("reasons", DecisionView.ReasonView.of(reasons));
        property("disclosureId", disclosureId);
    }

    private static List<Reason> reasons(DecisionResult result) {
        Map<String, Reason> distinct = new LinkedHashMap<>();
        result.reasons().forEach(r -> distinct.putIfAbsent(r.code() + "|" + r.messageEn(), r));
        result.withheld()
                .values()
                .forEach(list -> list.forEach(r -> distinct.putIfAbsent(r.code() + "|" + r.messageEn(), r)));
        return List.copyOf(distinct.values());
    }
}
