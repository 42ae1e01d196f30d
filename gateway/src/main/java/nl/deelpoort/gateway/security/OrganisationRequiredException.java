package nl.deelpoort.gateway.security;

import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/** The call needs an organisation and the token names none (or several): 403. */
class OrganisationRequiredException extends ProblemException {
    OrganisationRequiredException(String message) {
        super(HttpStatus.FORBIDDEN, ProblemTypes.ORGANISATION_REQUIRED, "Organisation required", message);
    }
}
