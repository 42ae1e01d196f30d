package nl.deelpoort.gateway.exchange;

import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/** No transfer with that id for the caller's organisation (or none at all: the caller cannot tell). 404. */
class TransferNotFoundException extends ProblemException {
    TransferNotFoundException() {
        super(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", "No such transfer for your organisation.");
    }
}
