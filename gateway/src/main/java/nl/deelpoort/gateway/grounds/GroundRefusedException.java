package nl.deelpoort.gateway.grounds;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.deelpoort.gateway.decision.DecisionView;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import nl.deelpoort.policy.Reason;
import org.springframework.http.HttpStatus;

/**
 * A ground cannot be recorded as asked: the rules of the framework it breaks, each naming its field,
 * with the policy's reasons where the policy has a code for the rule (422). {@link #forbidden} is a
 * refusal because of who asks (wrong kind of organisation): 403.
 */
public class GroundRefusedException extends ProblemException {

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

    static GroundRefusedException forbidden(String field, String problem, List<Reason> reasons) {
        return new GroundRefusedException(true, List.of(new InvalidField(field, problem)), reasons);
    }

    /** Collects every rule a command breaks, so that a professional fixes a refused ground in one go. */
    static final class Refusal {
        private final List<InvalidField> fields = new ArrayList<>();
        private final List<Reason> reasons = new ArrayList<>();

        void add(String field, String problem) {
            fields.add(new InvalidField(field, problem));
        }

        /** A rule of the policy: the field names where, the reasons say why in both languages. */
        void add(String field, List<Reason> refused) {
            for (Reason reason : refused) {
                add(field, reason.code().name() + ": " + reason.messageEn());
                reasons.add(reason);
            }
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
