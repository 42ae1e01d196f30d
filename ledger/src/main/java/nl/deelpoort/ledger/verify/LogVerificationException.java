package nl.deelpoort.ledger.verify;

/** The first problem found in a log: the entry (by seq, or -1 if none applies) and what is wrong. */
public class LogVerificationException extends RuntimeException {

    private final long seq;

    public LogVerificationException(long seq, String problem) {
        super(seq >= 0 ? "entry seq " + seq + ": " + problem : problem);
        this.seq = seq;
    }

    /** The seq of the first bad entry, or -1 when the problem is not one entry's (e.g. a root mismatch). */
    public long seq() {
        return seq;
    }
}
