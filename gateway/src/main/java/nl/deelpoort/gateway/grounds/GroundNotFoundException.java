package nl.deelpoort.gateway.grounds;

import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * No such ground, or one the caller's organisation may not see: both answer 404, so that an
 * outsider cannot even learn that a consent or override exists.
 */
class GroundNotFoundException extends ProblemException {
    GroundNotFoundException(String what) {
        super(
                HttpStatus.NOT_FOUND,
                ProblemTypes.NOT_FOUND,
                "Not found",
                "No " + what + " with that id is visible to you.");
    }
}
