package nl.deelpoort.gateway.decision;

import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/** The caller's organisation is neither the holder nor the recipient of the exchange it asks about: 403. */
class NotAPartyException extends ProblemException {
    NotAPartyException(String message) {
        super(HttpStatus.FORBIDDEN, ProblemTypes.NOT_A_PARTY, "Not a party to this exchange", message);
    }
}
