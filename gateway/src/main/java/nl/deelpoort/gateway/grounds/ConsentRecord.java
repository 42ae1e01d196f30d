package nl.deelpoort.gateway.grounds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.ConsentGiverRole;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;

/**
 * A consent as stored: the given event and, if any, its withdrawal. Its status is derived from
 * these and the time of asking, never stored.
 *
 * @param validUntil exclusive end day
 */
public record ConsentRecord(
        UUID id,
        String subjectPseudonym,
        List<Giver> givenBy,
        Set<Purpose> purposes,
        Set<OrganisationId> recipients,
        Set<OrganisationId> holders,
        Set<Category> categories,
        LocalDate validFrom,
        LocalDate validUntil,
        Method method,
        String evidenceReference,
        OrganisationId recordedBy,
        String recordedByUser,
        Instant recordedAt,
        long disclosureId,
        Withdrawal withdrawal,
        RegisterCheck register) {

    public enum Method {
        WRITTEN,
        VERBAL,
        DIGITAL
    }

    enum Status {
        ACTIVE,
        WITHDRAWN,
        EXPIRED,
        NOT_YET_VALID
    }

    record Giver(ConsentGiverRole role, String name) {}

    public record Withdrawal(
            Instant at,
            String reason,
            ConsentGiverRole withdrawnBy,
            OrganisationId recordedBy,
            String recordedByUser,
            long disclosureId) {}

    Instant validUntilInstant() {
        return startOf(validUntil);
    }

    /** As the decision engine weighs it (policy {@code Rules.state}), so the API and decisions agree. */
    Status status(Instant now) {
        if (withdrawal != null && !withdrawal.at().isAfter(now)) {
            return validUntilInstant().isAfter(withdrawal.at()) ? Status.WITHDRAWN : Status.EXPIRED;
        }
        if (now.isBefore(startOf(validFrom))) {
            return Status.NOT_YET_VALID;
        }
        return now.isBefore(validUntilInstant()) ? Status.ACTIVE : Status.EXPIRED;
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(Framework.ZONE).toInstant();
    }
}
