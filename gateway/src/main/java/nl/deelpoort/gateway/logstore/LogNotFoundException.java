package nl.deelpoort.gateway.logstore;

import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/** No such log entry, or no subject with that BSN known to the caller's organisation: 404. */
class LogNotFoundException extends ProblemException {
    LogNotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", detail);
    }
}
