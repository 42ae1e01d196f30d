package nl.deelpoort.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * A child-protection measure as registered by a certified institution.
 *
 * @param validUntil exclusive end
 * @param endedAt when it was ended early, or {@code null}
 */
public record MeasureFact(
        String id,
        String subjectPseudonym,
        MeasureType type,
        OrganisationId registeredBy,
        Instant validFrom,
        Instant validUntil,
        Instant endedAt) {
    public MeasureFact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subjectPseudonym, "subjectPseudonym");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(registeredBy, "registeredBy");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
    }
}
