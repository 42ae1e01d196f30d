package nl.deelpoort.gateway.security;

import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/** A resident's call is about the person the token names, and the token names no valid BSN: 403. */
class BsnRequiredException extends ProblemException {
    BsnRequiredException() {
        super(
                HttpStatus.FORBIDDEN,
                ProblemTypes.FORBIDDEN,
                "Forbidden",
                "This call is about the resident named by the token, and your token names no valid BSN.");
    }
}
