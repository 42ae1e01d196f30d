package nl.deelpoort.gateway.logstore;

import java.util.function.Supplier;
import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;

/**
 * The disclosure log could not commit an entry (database down, sequencer stopped, timeout), or its
 * database failed otherwise. The caller must not release anything (fail closed: "log before release",
 * docs/domain.md, "The disclosure log"): 503. The message is for the operator's log.
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

    /** Runs database work of the log; a database failure becomes this exception, with {@code message}. */
    static <T> T onDatabaseFailure(String message, Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException | TransactionException e) {
            throw new LogUnavailableException(message, e);
        }
    }
}
