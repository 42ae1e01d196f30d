package nl.deelpoort.gateway.grounds;

import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/** The follow-up event already happened (a consent withdrawn twice, an override ended twice): 409. */
class GroundConflictException extends ProblemException {
    GroundConflictException(String message) {
        super(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", message);
    }
}
