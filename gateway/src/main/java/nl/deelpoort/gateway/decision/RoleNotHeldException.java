package nl.deelpoort.gateway.decision;

import java.util.List;
import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import nl.deelpoort.policy.Reason;
import org.springframework.http.HttpStatus;

/** The caller claims an acting role its organisation does not hold (ROLE_NOT_HELD): 403 with the reasons. */
public class RoleNotHeldException extends ProblemException {
    private final List<Reason> reasons;

    public RoleNotHeldException(List<Reason> reasons) {
        super(
                HttpStatus.FORBIDDEN,
                ProblemTypes.ROLE_NOT_HELD,
                "Acting role not held",
                reasons.isEmpty()
                        ? "Your organisation does not act in that role."
                        : reasons.get(0).messageEn());
        this.reasons = List.copyOf(reasons);
        property("reasons", DecisionView.ReasonView.of(this.reasons));
    }

    public List<Reason> reasons() {
        return reasons;
    }
}
