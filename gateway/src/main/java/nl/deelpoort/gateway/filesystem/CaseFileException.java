package nl.deelpoort.gateway.filesystem;

import nl.deelpoort.policy.OrganisationId;

/**
 * A holder's case file system did not deliver the file. The message names the holder and what went
 * wrong, never what the file system answered (its error bodies may hold personal data).
 */
public class CaseFileException extends RuntimeException {

    /**
     * What went wrong; the web edge answers 504 for {@link #TIMEOUT}, 503 for {@link #BUSY}, 404 for
     * {@link #NO_CASE_FILE}, else 502.
     */
    public enum Failure {
        /** No answer in time. */
        TIMEOUT,
        /** Every connection slot to the holder is taken: refused without calling it. */
        BUSY,
        /** Connection refused, reset, DNS. */
        UNREACHABLE,
        /** A non-2xx status other than "no dossier". */
        ERROR_STATUS,
        /** A 2xx that is not a case file of the asked subject, or too large. */
        BAD_ANSWER,
        /** The gateway could not obtain a token for the holder. */
        AUTHENTICATION,
        /** The holder's circuit is open after repeated failures: not even tried. */
        CIRCUIT_OPEN,
        /** The holder answered that it keeps no file for this subject. */
        NO_CASE_FILE
    }

    private final OrganisationId holder;
    private final Failure failure;

    CaseFileException(OrganisationId holder, Failure failure, String message) {
        super(message);
        this.holder = holder;
        this.failure = failure;
    }

    CaseFileException(OrganisationId holder, Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.holder = holder;
        this.failure = failure;
    }

    public OrganisationId holder() {
        return holder;
    }

    public Failure failure() {
        return failure;
    }
}
