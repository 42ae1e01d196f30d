package nl.deelpoort.gateway.grounds;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.deelpoort.gateway.decision.DecisionView;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import nl.deelpoort.policy.Reason;
import nl.deelpoort.policy.Violation;
import org.springframework.http.HttpStatus;

/**
 * A ground cannot be recorded as asked: the policy's rules it breaks, each naming its field, with the
 * policy's reasons (422). {@link #forbidden} is a refusal because of who asks: 403.
 */
class GroundRefusedException extends ProblemException {

    private GroundRefusedException(boolean forbidden, List<InvalidField> fields, List<Reason> reasons) {
        super(
                forbidden ? HttpStatus.FORBIDDEN : HttpStatus.UNPROCESSABLE_CONTENT,
                forbidden ? ProblemTypes.FORBIDDEN : ProblemTypes.INVALID_REQUEST,
                forbidden ? "Forbidden" : "Invalid request",
                forbidden
                        ? fields.get(0).problem()
                        : fields.stream()
                                .map(f -> f.field() + ": " + f.problem())
                                .collect(Collectors.joining("; ")));
        property("invalidFields", List.copyOf(fields));
        if (!reasons.isEmpty()) {
            property("reasons", DecisionView.ReasonView.of(List.copyOf(reasons)));
        }
    }

    /** A refusal of the request as a whole (field {@code ""}) because of who asks. */
    static GroundRefusedException forbidden(String detail, List<Violation> violations) {
        return new GroundRefusedException(
                true,
                List.of(new InvalidField("", detail)),
                violations.stream().map(Violation::reason).toList());
    }

    /** Collects every rule a command breaks, so that a professional fixes a refused ground in one go. */
    static final class Refusal {
        private final List<InvalidField> fields = new ArrayList<>();
        private final List<Reason> reasons = new ArrayList<>();

        /** A rule of the policy: the field names where, the reasons say why in both languages. */
        void add(String field, List<Reason> refused) {
            for (Reason reason : refused) {
                fields.add(new InvalidField(field, reason.code().name() + ": " + reason.messageEn()));
                reasons.add(reason);
            }
        }

        void add(List<Violation> violations) {
            violations.forEach(v -> add(v.field(), List.of(v.reason())));
        }

        boolean ok() {
            return fields.isEmpty();
        }

        void throwIfAny() {
            if (!fields.isEmpty()) {
                throw new GroundRefusedException(false, fields, reasons);
            }
        }
    }
}
