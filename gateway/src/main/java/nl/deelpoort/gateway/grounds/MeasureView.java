package nl.deelpoort.gateway.grounds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.deelpoort.policy.MeasureType;
import nl.deelpoort.policy.OrganisationId;

/** A measure as the API shows it; {@code status} is NOT_YET_VALID, ACTIVE, ENDED or EXPIRED now. */
public record MeasureView(
        UUID id,
        MeasureType type,
        String courtReference,
        LocalDate validFrom,
        LocalDate validUntil,
        String status,
        OrganisationId registeredBy,
        String registeredByUser,
        Instant registeredAt,
        Instant endedAt,
        long disclosureId) {

    public static MeasureView of(MeasureRecord m, Instant now) {
        return new MeasureView(
                m.id(),
                m.type(),
                m.courtReference(),
                m.validFrom(),
                m.validUntil(),
                m.status(now),
                m.registeredBy(),
                m.registeredByUser(),
                m.registeredAt(),
                m.end() == null ? null : m.end().at(),
                m.disclosureId());
    }
}
