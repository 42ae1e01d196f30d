package nl.deelpoort.gateway.grounds;

/**
 * No such ground, or one the caller's organisation may not see: both answer 404, so that an
 * outsider cannot even learn that a consent or override exists.
 */
public class GroundNotFoundException extends RuntimeException {

    GroundNotFoundException(String what) {
        super("No " + what + " with that id is visible to your organisation.");
    }
}
