package nl.deelpoort.gateway.grounds;

/** The follow-up event already happened (a consent withdrawn twice, an override ended twice): 409. */
public class GroundConflictException extends RuntimeException {

    GroundConflictException(String message) {
        super(message);
    }
}
