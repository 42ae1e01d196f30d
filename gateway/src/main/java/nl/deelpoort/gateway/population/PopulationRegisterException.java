package nl.deelpoort.gateway.population;

/**
 * The population register could not be asked, or answered something unusable. The message names what went wrong for
 * the operator, never a BSN or what the register answered.
 */
public class PopulationRegisterException extends RuntimeException {

    /** What went wrong. */
    public enum Failure {
        TIMEOUT,
        UNREACHABLE,
        ERROR_STATUS,
        BAD_ANSWER,
        AUTHENTICATION,
        CIRCUIT_OPEN,
        /** Every connection the gateway allows itself to the register is in use. */
        BUSY
    }

    private final Failure failure;

    PopulationRegisterException(Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    PopulationRegisterException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
