package nl.deelpoort.policy;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A safety override (break-the-glass) as the gateway recorded it.
 *
 * @param expiresAt exclusive end as declared; the engine also caps it at the framework's maximum duration
 * @param endedAt when it was ended early, or {@code null}
 */
public record OverrideFact(
        String id,
        String subjectPseudonym,
        OrganisationId declaringOrganisation,
        Purpose purpose,
        Set<OrganisationId> recipients,
        Set<Category> categories,
        Instant declaredAt,
        Instant expiresAt,
        Instant endedAt) {
    public OverrideFact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subjectPseudonym, "subjectPseudonym");
        Objects.requireNonNull(declaringOrganisation, "declaringOrganisation");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(declaredAt, "declaredAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        recipients = Set.copyOf(recipients);
        categories = categories.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }
}
