package nl.deelpoort.gateway.security;

import java.util.Optional;
import java.util.Set;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.OrganisationId;

/**
 * Who is calling, as the gateway understands the verified token: the Keycloak subject, the
 * organisation it acts for (claim {@code organization}, parsed once into an {@link OrganisationId}),
 * its realm roles, and the client it used. A resident's BSN is kept apart and never printed.
 *
 * @param organisationProblem why the organisation claim cannot be used (several organisations, or a
 *     value that is not an organisation id); such a caller acts for no organisation
 */
public record Caller(
        String subject,
        String username,
        String clientId,
        Optional<OrganisationId> organisation,
        Set<String> roles,
        Optional<String> bsn,
        Optional<String> organisationProblem) {

    public static final String PROFESSIONAL = "professional";
    public static final String PRIVACY_OFFICER = "privacy-officer";
    public static final String RESIDENT = "resident";
    public static final String GATEWAY_ADMIN = "gateway-admin";
    public static final String PARTNER_SYSTEM = "partner-system";

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The organisation the caller acts for; a call that needs one fails closed without it. */
    public OrganisationId requireOrganisation() {
        if (organisationProblem.isPresent()) {
            throw new OrganisationRequiredException(organisationProblem.get());
        }
        return organisation.orElseThrow(() -> new OrganisationRequiredException(
                "This call is made on behalf of an organisation, and your token names none."));
    }

    /**
     * The resident the caller is: the token's {@code bsn} claim, never anything in the request. A
     * resident's call fails closed without a valid one.
     */
    public Bsn requireBsn() {
        return bsn.filter(Bsn::isValid).map(Bsn::of).orElseThrow(BsnRequiredException::new);
    }

    @Override
    public String toString() {
        return "Caller[subject=" + subject + ", username=" + username + ", client=" + clientId + ", organisation="
                + organisation.map(OrganisationId::value).orElse("-") + ", roles=" + roles + ", bsn="
                + (bsn.isPresent() ? "***" : "-") + "]";
    }
}
