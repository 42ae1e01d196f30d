package nl.deelpoort.gateway.exchange;

import nl.deelpoort.gateway.filesystem.CaseFileException;

/**
 * The holder's file system did not deliver after the disclosure was decided and logged; nothing was
 * released. The web edge answers 502, 504 for a timeout, 404 when the holder keeps no file.
 */
public class DeliveryFailedException extends RuntimeException {

    private final CaseFileException.Failure failure;
    private final long disclosureId;

    DeliveryFailedException(CaseFileException cause, long disclosureId) {
        super(cause.getMessage(), cause);
        this.failure = cause.failure();
        this.disclosureId = disclosureId;
    }

    public CaseFileException.Failure failure() {
        return failure;
    }

    public long disclosureId() {
        return disclosureId;
    }
}
