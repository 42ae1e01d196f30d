package nl.deelpoort.gateway.security;

/** The call needs an organisation and the token names none (or several): 403. */
public class OrganisationRequiredException extends RuntimeException {

    public OrganisationRequiredException(String message) {
        super(message);
    }
}
