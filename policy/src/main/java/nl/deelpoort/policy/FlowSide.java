package nl.deelpoort.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One side of a flow: the organisations (by kind or by id) and the roles they must act in.
 * An organisation matches when its kind or its id is listed.
 */
public record FlowSide(Set<OrganisationKind> kinds, Set<OrganisationId> ids, Set<ActingRole> roles) {
    public FlowSide {
        kinds = kinds.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(kinds));
        ids = Set.copyOf(ids);
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public boolean includes(Organisation organisation) {
        return kinds.contains(organisation.kind()) || ids.contains(organisation.id());
    }

    public boolean accepts(ActingRole role) {
        return roles.contains(role);
    }
}
