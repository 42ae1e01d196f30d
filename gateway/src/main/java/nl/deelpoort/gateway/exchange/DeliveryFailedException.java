package nl.deelpoort.gateway.exchange;

import java.net.URI;
import nl.deelpoort.gateway.filesystem.CaseFileException;
import nl.deelpoort.gateway.filesystem.CaseFileException.Failure;
import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The holder's file system did not deliver after the disclosure was decided and logged; nothing was
 * released: 502, 504 for a timeout, 503 with {@code Retry-After} when every connection to the holder
 * is taken (not called at all), 404 when the holder keeps no file. The message names the holder and
 * the failure; the file system's own answer is never kept.
 */
class DeliveryFailedException extends ProblemException {

    /**
     * A slot frees as soon as one of the holder's calls in flight ends; a second is a fair guess
     * that spares the holder a storm of immediate retries.
     */
    static final String RETRY_AFTER_SECONDS = "1";

    private record Answer(HttpStatus status, URI type, String title) {
        static Answer to(Failure failure) {
            return switch (failure) {
                case TIMEOUT ->
                    new Answer(
                            HttpStatus.GATEWAY_TIMEOUT, ProblemTypes.CASE_FILE_TIMEOUT, "Case file system timed out");
                case BUSY ->
                    new Answer(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, "Case file system busy");
                case NO_CASE_FILE -> new Answer(HttpStatus.NOT_FOUND, ProblemTypes.NO_CASE_FILE, "No case file");
                default -> new Answer(HttpStatus.BAD_GATEWAY, ProblemTypes.CASE_FILE_FAILED, "Case file system failed");
            };
        }
    }

    DeliveryFailedException(CaseFileException cause, long disclosureId) {
        super(
                Answer.to(cause.failure()).status(),
                Answer.to(cause.failure()).type(),
                Answer.to(cause.failure()).title(),
                cause.failure() == Failure.NO_CASE_FILE
                        ? cause.getMessage()
                        : cause.getMessage() + " Nothing was released.",
                "Disclosure " + disclosureId + " not delivered: " + cause.getMessage(),
                cause);
        property("failure", cause.failure().name());
        property("disclosureId", disclosureId);
        if (cause.failure() == Failure.BUSY) {
            getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
    }
}
