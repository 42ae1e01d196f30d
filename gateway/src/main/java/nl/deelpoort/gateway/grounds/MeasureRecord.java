package nl.deelpoort.gateway.grounds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.deelpoort.policy.MeasureType;
import nl.deelpoort.policy.OrganisationId;

/**
 * A child-protection measure as stored: the registration and, if any, its early end.
 *
 * @param validUntil exclusive end day, as for consents
 */
public record MeasureRecord(
        UUID id,
        String subjectPseudonym,
        MeasureType type,
        String courtReference,
        LocalDate validFrom,
        LocalDate validUntil,
        OrganisationId registeredBy,
        String registeredByUser,
        Instant registeredAt,
        long disclosureId,
        End end) {

    public record End(Instant at, OrganisationId by, String user, long disclosureId) {}

    String status(Instant now) {
        if (end != null && !end.at().isAfter(now)) {
            return "ENDED";
        }
        if (now.isBefore(ConsentRecord.startOf(validFrom))) {
            return "NOT_YET_VALID";
        }
        return now.isBefore(ConsentRecord.startOf(validUntil)) ? "ACTIVE" : "EXPIRED";
    }
}
