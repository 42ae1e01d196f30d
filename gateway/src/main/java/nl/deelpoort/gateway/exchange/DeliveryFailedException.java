package nl.deelpoort.gateway.exchange;

import java.net.URI;
import nl.deelpoort.gateway.filesystem.CaseFileException;
import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * The holder's file system did not deliver after the disclosure was decided and logged; nothing was
 * released: 502, 504 for a timeout, 404 when the holder keeps no file. The message names the holder
 * and the failure; the file system's own answer is never kept.
 */
public class DeliveryFailedException extends ProblemException {

    private final CaseFileException.Failure failure;
    private final long disclosureId;

    DeliveryFailedException(CaseFileException cause, long disclosureId) {
        super(
                status(cause.failure()),
                type(cause.failure()),
                title(cause.failure()),
                cause.failure() == CaseFileException.Failure.NO_CASE_FILE
                        ? cause.getMessage()
                        : cause.getMessage() + " Nothing was released.",
                "Disclosure " + disclosureId + " not delivered: " + cause.getMessage(),
                cause);
        this.failure = cause.failure();
        this.disclosureId = disclosureId;
        property("failure", failure.name());
        property("disclosureId", disclosureId);
    }

    public CaseFileException.Failure failure() {
        return failure;
    }

    public long disclosureId() {
        return disclosureId;
    }

    private static HttpStatus status(CaseFileException.Failure failure) {
        return switch (failure) {
            case TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
            case NO_CASE_FILE -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.BAD_GATEWAY;
        };
    }

    private static URI type(CaseFileException.Failure failure) {
        return switch (failure) {
            case TIMEOUT -> ProblemTypes.CASE_FILE_TIMEOUT;
            case NO_CASE_FILE -> ProblemTypes.NO_CASE_FILE;
            default -> ProblemTypes.CASE_FILE_FAILED;
        };
    }

    private static String title(CaseFileException.Failure failure) {
        return switch (failure) {
            case TIMEOUT -> "Case file system timed out";
            case NO_CASE_FILE -> "No case file";
            default -> "Case file system failed";
        };
    }
}
