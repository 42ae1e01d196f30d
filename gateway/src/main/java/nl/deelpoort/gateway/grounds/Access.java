package nl.deelpoort.gateway.grounds;

import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.policy.OrganisationId;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with grounds: professionals record them, privacy officers review overrides.
 * Residents, partner systems and administrators record nothing (403); which grounds an
 * organisation may see is decided in the queries themselves (others answer 404).
 */
final class Access {

    static OrganisationId professional(Caller caller) {
        if (!caller.hasRole(Caller.PROFESSIONAL)) {
            throw new AccessDeniedException("only professionals record legal grounds");
        }
        return organisation(caller);
    }

    static OrganisationId privacyOfficer(Caller caller) {
        if (!caller.hasRole(Caller.PRIVACY_OFFICER)) {
            throw new AccessDeniedException("only privacy officers review safety overrides");
        }
        return organisation(caller);
    }

    /** Reading consents: the professionals and the privacy officers of an organisation. */
    static OrganisationId professionalOrPrivacyOfficer(Caller caller) {
        if (!caller.hasRole(Caller.PROFESSIONAL) && !caller.hasRole(Caller.PRIVACY_OFFICER)) {
            throw new AccessDeniedException("only professionals and privacy officers read legal grounds");
        }
        return organisation(caller);
    }

    private static OrganisationId organisation(Caller caller) {
        return caller.requireOrganisation();
    }

    private Access() {}
}
