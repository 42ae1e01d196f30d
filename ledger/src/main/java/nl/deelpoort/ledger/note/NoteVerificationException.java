package nl.deelpoort.ledger.note;

/** A signed note (or checkpoint) that is malformed, changed, or not signed by the expected key. */
public class NoteVerificationException extends RuntimeException {

    public NoteVerificationException(String message) {
        super(message);
    }
}
