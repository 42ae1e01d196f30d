package nl.deelpoort.gateway.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deelpoort.gateway.decision.DecisionView;
import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import nl.deelpoort.policy.DecisionResult;
import nl.deelpoort.policy.Reason;
import org.springframework.http.HttpStatus;

/** A pull or push was decided DENY; the denial is logged as {@code disclosureId}. The web edge answers 403. */
public class DisclosureDeniedException extends ProblemException {

    private final List<Reason> reasons;
    private final long disclosureId;

    DisclosureDeniedException(DecisionResult result, long disclosureId) {
        super(
                HttpStatus.FORBIDDEN,
                ProblemTypes.DISCLOSURE_DENIED,
                "Disclosure denied",
                "Nothing may be shared: " + firstMessage(reasons(result)));
        this.reasons = reasons(result);
        this.disclosureId = disclosureId;
        property("reasons", DecisionView.ReasonView.of(this.reasons));
        property("disclosureId", disclosureId);
    }

    /** The reasons of the denial: the general ones, then each distinct per-category one. */
    public List<Reason> reasons() {
        return reasons;
    }

    public long disclosureId() {
        return disclosureId;
    }

    private static List<Reason> reasons(DecisionResult result) {
        Map<String, Reason> distinct = new LinkedHashMap<>();
        result.reasons().forEach(r -> distinct.putIfAbsent(r.code() + "|" + r.messageEn(), r));
        result.withheld()
                .values()
                .forEach(list -> list.forEach(r -> distinct.putIfAbsent(r.code() + "|" + r.messageEn(), r)));
        return List.copyOf(new ArrayList<>(distinct.values()));
    }

    private static String firstMessage(List<Reason> reasons) {
        return reasons.isEmpty() ? "no flow allows it." : reasons.get(0).messageEn();
    }
}
