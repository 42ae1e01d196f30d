package nl.deelpoort.policy;

import java.util.Objects;

/**
 * Who asks: the organisation, the role its professional or system acts in, and the user (Keycloak
 * subject id or client id), recorded for the log.
 */
public record Caller(OrganisationId organisation, ActingRole actingRole, String userId) {
    public Caller {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(actingRole, "actingRole");
        Objects.requireNonNull(userId, "userId");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
    }
}
