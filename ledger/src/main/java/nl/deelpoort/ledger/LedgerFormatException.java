package nl.deelpoort.ledger;

/** Input bytes or text that do not follow one of the ledger's formats (entry, export, note, key). */
public class LedgerFormatException extends RuntimeException {

    public LedgerFormatException(String message) {
        super(message);
    }

    public LedgerFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
