package nl.deelpoort.gateway.logstore;

import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * The disclosure log could not commit an entry (database down, sequencer stopped, timeout). The
 * caller must not release anything (fail closed, docs/domain.md "log before release"): 503. The
 * message is for the operator's log.
 */
public class LogUnavailableException extends ProblemException {
    private static final String DETAIL =
            "The disclosure log could not record this request, so nothing was released. Try again later.";

    public LogUnavailableException(String message) {
        this(message, null);
    }

    public LogUnavailableException(String message, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.LOG_UNAVAILABLE, "Log unavailable", DETAIL, message, cause);
    }
}
