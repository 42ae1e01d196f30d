package nl.deelpoort.policy;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A consent as the gateway recorded it, for the engine to weigh.
 *
 * @param holders holder organisations the consent is limited to; empty means any holder
 * @param validUntil exclusive end
 * @param withdrawnAt when it was withdrawn, or {@code null}; from that instant on it no longer counts
 */
public record ConsentFact(
        String id,
        String subjectPseudonym,
        Set<Purpose> purposes,
        Set<OrganisationId> recipients,
        Set<OrganisationId> holders,
        Set<Category> categories,
        Instant validFrom,
        Instant validUntil,
        Instant withdrawnAt) {
    public ConsentFact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subjectPseudonym, "subjectPseudonym");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        purposes = purposes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(purposes));
        recipients = Set.copyOf(recipients);
        holders = Set.copyOf(holders);
        categories = categories.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }
}
