package nl.deelpoort.gateway.decision;

import java.util.List;
import nl.deelpoort.policy.Reason;

/** The caller claims an acting role its organisation does not hold (ROLE_NOT_HELD): 403 with the reasons. */
public class RoleNotHeldException extends RuntimeException {

    private final List<Reason> reasons;

    public RoleNotHeldException(List<Reason> reasons) {
        super("acting role not held");
        this.reasons = List.copyOf(reasons);
    }

    public List<Reason> reasons() {
        return reasons;
    }
}
