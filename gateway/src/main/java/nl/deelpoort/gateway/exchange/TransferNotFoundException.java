package nl.deelpoort.gateway.exchange;

/** No transfer with that id for the caller's organisation (or none at all: the caller cannot tell). 404. */
public class TransferNotFoundException extends RuntimeException {

    TransferNotFoundException() {
        super("No such transfer for your organisation.");
    }
}
