package nl.deelpoort.gateway.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the gateway understands the verified token: the Keycloak subject, the
 * organisation it acts for (claim {@code organization}), its realm roles, and the client it used.
 * A resident's BSN is kept apart and never printed.
 */
public record Caller(
        String subject,
        String username,
        String clientId,
        Optional<String> organisation,
        Set<String> roles,
        Optional<String> bsn,
        boolean severalOrganisations) {

    public static final String PROFESSIONAL = "professional";
    public static final String PRIVACY_OFFICER = "privacy-officer";
    public static final String RESIDENT = "resident";
    public static final String GATEWAY_ADMIN = "gateway-admin";
    public static final String PARTNER_SYSTEM = "partner-system";

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The organisation the caller acts for; a call that needs one fails closed without it. */
    public String requireOrganisation() {
        if (severalOrganisations) {
            throw new OrganisationRequiredException(
                    "Your token names more than one organisation; the gateway cannot tell which one you act for.");
        }
        return organisation.orElseThrow(() -> new OrganisationRequiredException(
                "This call is made on behalf of an organisation, and your token names none."));
    }

    @Override
    public String toString() {
        return "Caller[subject=" + subject + ", username=" + username + ", client=" + clientId + ", organisation="
                + organisation.orElse("-") + ", roles=" + roles + ", bsn=" + (bsn.isPresent() ? "***" : "-") + "]";
    }
}
