package nl.deelpoort.gateway.decision;

import java.util.List;
import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import nl.deelpoort.policy.Reason;
import org.springframework.http.HttpStatus;

/** The caller claims an acting role its organisation does not hold (ROLE_NOT_HELD): 403 with the reasons. */
class RoleNotHeldException extends ProblemException {

    RoleNotHeldException(List<Reason> reasons) {
        super(
                HttpStatus.FORBIDDEN,
                ProblemTypes.ROLE_NOT_HELD,
                "Acting role not held",
                reasons.isEmpty()
                        ? "Your organisation does not act in that role."
                        : reasons.get(0).messageEn());
        property("reasons", DecisionView.ReasonView.of(reasons));
    }
}
