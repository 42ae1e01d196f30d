package nl.deelpoort.gateway.logstore;

/**
 * The disclosure log could not commit an entry (database down, sequencer stopped, timeout). The
 * caller must not release anything: the web edge answers 503.
 */
public class LogUnavailableException extends RuntimeException {

    public LogUnavailableException(String message) {
        super(message);
    }

    public LogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
