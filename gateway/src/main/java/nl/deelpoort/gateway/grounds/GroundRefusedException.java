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
 * policy's reasons (422). {@link #forbidden} is a refusal because of who asks: 403. The console shows
 * the same {@link #violations()} on its forms, each by its field, in the reader's language.
 */
public class GroundRefusedException extends ProblemException {

    private final List<Violation> violations;

    private GroundRefusedException(boolean forbidden, List<InvalidField> fields, List<Violation> violations) {
        super(
                forbidden ? HttpStatus.FORBIDDEN : HttpStatus.UNPROCESSABLE_CONTENT,
                forbidden ? ProblemTypes.FORBIDDEN : ProblemTypes.INVALID_REQUEST,
                forbidden ? "Forbidden" : "Invalid request",
                forbidden
                        ? fields.get(0).problem()
                        : fields.stream()
                                .map(f -> f.field() + ": " + f.problem())
                                .collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
        property("invalidFields", List.copyOf(fields));
        if (!violations.isEmpty()) {
            property(
                    "reasons",
                    DecisionView.ReasonView.of(
                            violations.stream().map(Violation::reason).toList()));
        }
    }

    /** A refusal of the request as a whole (field {@code ""}) because of who asks. */
    static GroundRefusedException forbidden(String detail, List<Violation> violations) {
        return new GroundRefusedException(true, List.of(new InvalidField("", detail)), violations);
    }

    /** The rules broken, each with the request field it is about (a JSON path) and the policy's reason. */
    public List<Violation> violations() {
        return violations;
    }

    /** Collects every rule a command breaks, so that a professional fixes a refused ground in one go. */
    static final class Refusal {
        private final List<Violation> violations = new ArrayList<>();

        /** A rule of the policy: the field names where, the reasons say why in both languages. */
        void add(String field, List<Reason> refused) {
            refused.forEach(reason -> violations.add(new Violation(field, reason)));
        }

        void add(List<Violation> found) {
            violations.addAll(found);
        }

        boolean ok() {
            return violations.isEmpty();
        }

        void throwIfAny() {
            if (!violations.isEmpty()) {
                throw new GroundRefusedException(
                        false,
                        violations.stream()
                                .map(v -> new InvalidField(
                                        v.field(),
                                        v.reason().code().name() + ": "
                                                + v.reason().messageEn()))
                                .toList(),
                        violations);
            }
        }
    }
}
