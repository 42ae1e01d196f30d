package nl.deelpoort.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An organisation of the framework and the roles it can act in.
 *
 * @param oin Organisatie-identificatienummer (20 digits), or {@code null} when not recorded
 * @param kvk Chamber of Commerce number (8 digits), or {@code null} when not recorded
 * @param contact how residents reach its privacy officer; empty when the framework names none (a
 *     processor, which answers to its controller, needs none)
 */
public record Organisation(
        OrganisationId id,
        String name,
        OrganisationKind kind,
        Set<ActingRole> actingRoles,
        String oin,
        String kvk,
        Optional<Contact> contact) {
    public Organisation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(contact, "contact");
        actingRoles = actingRoles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(actingRoles));
    }

    public boolean holds(ActingRole role) {
        return actingRoles.contains(role);
    }
}
