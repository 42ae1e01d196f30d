package nl.deelpoort.gateway.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * What a feature throws when it refuses or fails: an RFC 9457 problem detail with one of the
 * {@link ProblemTypes}, built by the feature itself. The web edge answers with it as it is, so the
 * edge never has to know a feature's exceptions. {@code logMessage} is for the operator's log (5xx
 * only) and may name hosts or settings; the caller sees only the problem detail.
 */
public abstract class ProblemException extends ErrorResponseException {

    private final String logMessage;

    protected ProblemException(HttpStatus status, URI type, String title, String detail) {
        this(status, type, title, detail, detail, null);
    }

    protected ProblemException(
            HttpStatus status, URI type, String title, String detail, String logMessage, Throwable cause) {
        super(status, problem(status, type, title, detail), cause);
        this.logMessage = logMessage;
    }

    /** Adds a member to the problem detail (e.g. {@code disclosureId}, {@code reasons}). */
    protected final void property(String name, Object value) {
        getBody().setProperty(name, value);
    }

    /** The sentence for the operator's log; never sent to the caller. */
    public String logMessage() {
        return logMessage;
    }

    @Override
    public String getMessage() {
        return logMessage;
    }

    /** A problem detail with our type and title; the one way every problem of the gateway is built. */
    public static ProblemDetail problem(HttpStatusCode status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
