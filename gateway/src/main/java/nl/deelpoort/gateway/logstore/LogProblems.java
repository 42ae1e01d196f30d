package nl.deelpoort.gateway.logstore;

import java.util.List;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The log endpoints' 4xx answers, in the gateway's problem-detail shape (answered by {@link LogProblemAdvice}). */
final class LogProblems {

    static ErrorResponseException invalid(List<InvalidField> fields) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "The request breaks " + fields.size() + " rule(s); see invalidFields.");
        p.setType(ProblemTypes.INVALID_REQUEST);
        p.setTitle("Invalid request");
        p.setProperty("invalidFields", fields);
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, p, null);
    }

    static ErrorResponseException invalid(String field, String problem) {
        return invalid(List.of(new InvalidField(field, problem)));
    }

    static ErrorResponseException notFound(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        p.setType(ProblemTypes.NOT_FOUND);
        p.setTitle("Not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, p, null);
    }

    private LogProblems() {}
}
