package nl.deelpoort.gateway.grounds;

import java.util.List;
import java.util.stream.Collectors;
import nl.deelpoort.gateway.decision.DecisionView;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import nl.deelpoort.policy.Reason;
import org.springframework.http.HttpStatus;

/**
 * A ground cannot be recorded as asked: the fields and rules it breaks, with the policy's reasons
 * where the policy has a code for the rule. {@code forbidden} marks a refusal because of who asks
 * (wrong kind of organisation): 403 instead of 422.
 */
public class GroundRefusedException extends ProblemException {
    private final boolean forbidden;
    private final List<InvalidField> fields;
    private final List<Reason> reasons;

    GroundRefusedException(boolean forbidden, List<InvalidField> fields, List<Reason> reasons) {
        super(
                forbidden ? HttpStatus.FORBIDDEN : HttpStatus.UNPROCESSABLE_CONTENT,
                forbidden ? ProblemTypes.FORBIDDEN : ProblemTypes.INVALID_REQUEST,
                forbidden ? "Forbidden" : "Invalid request",
                forbidden
                        ? fields.get(0).problem()
                        : fields.stream()
                                .map(f -> f.field() + ": " + f.problem())
                                .collect(Collectors.joining("; ")));
        this.forbidden = forbidden;
        this.fields = List.copyOf(fields);
        this.reasons = List.copyOf(reasons);
        property("invalidFields", this.fields);
        if (!this.reasons.isEmpty()) {
            property("reasons", DecisionView.ReasonView.of(this.reasons));
        }
    }

    static GroundRefusedException invalid(List<InvalidField> fields, List<Reason> reasons) {
        return new GroundRefusedException(false, fields, reasons);
    }

    static GroundRefusedException forbidden(String field, String problem, List<Reason> reasons) {
        return new GroundRefusedException(true, List.of(new InvalidField(field, problem)), reasons);
    }

    public boolean forbidden() {
        return forbidden;
    }

    public List<InvalidField> fields() {
        return fields;
    }

    public List<Reason> reasons() {
        return reasons;
    }
}
