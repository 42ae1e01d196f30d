package nl.deelpoort.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An organisation of the framework and the roles it can act in.
 *
 * @param oin Organisatie-identificatienummer (20 digits), or {@code null} when not recorded
 * @param kvk Chamber of Commerce number (8 digits), or {@code null} when not recorded
 */
public record Organisation(
        OrganisationId id, String name, OrganisationKind kind, Set<ActingRole> actingRoles, String oin, String kvk) {
    public Organisation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        actingRoles = actingRoles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(actingRoles));
    }

    public boolean holds(ActingRole role) {
        return actingRoles.contains(role);
    }
}
