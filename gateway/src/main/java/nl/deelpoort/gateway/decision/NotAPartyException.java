package nl.deelpoort.gateway.decision;

/** The caller's organisation is neither the holder nor the recipient of the exchange it asks about: 403. */
public class NotAPartyException extends RuntimeException {

    public NotAPartyException(String message) {
        super(message);
    }
}
