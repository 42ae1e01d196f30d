package nl.deelpoort.gateway.grounds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.ConsentGiverRole;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;

/**
 * A consent about a resident, as the resident sees it ({@code GET /api/v1/me/consents} and the
 * console): its scope, who gave it, its status now, and whether they may withdraw it themself. Names
 * of the people who gave it, evidence references and the professionals' user ids stay with the
 * organisations.
 *
 * @param status ACTIVE, WITHDRAWN, EXPIRED or NOT_YET_VALID
 * @param validUntil exclusive end day
 * @param recordedBy the organisation that recorded it: the one to contact about it
 * @param withdrawable the resident gave it themself and it still counts (or will), so they may withdraw it
 * @param withdrawal when and by whom it was withdrawn, or {@code null}
 */
public record ResidentConsent(
        UUID id,
        String status,
        List<ConsentGiverRole> givenBy,
        List<Purpose> purposes,
        List<OrganisationId> recipients,
        List<OrganisationId> holders,
        List<Category> categories,
        LocalDate validFrom,
        LocalDate validUntil,
        OrganisationId recordedBy,
        Instant recordedAt,
        boolean withdrawable,
        Withdrawal withdrawal) {

    /** @param disclosureId the seq of the withdrawal's log entry */
    public record Withdrawal(Instant at, ConsentGiverRole withdrawnBy, long disclosureId) {}

    static ResidentConsent of(ConsentRecord c, Instant now) {
        ConsentRecord.Status status = c.status(now);
        ConsentRecord.Withdrawal w = c.withdrawal();
        return new ResidentConsent(
                c.id(),
                status.name(),
                c.givenBy().stream().map(ConsentRecord.Giver::role).toList(),
                List.copyOf(c.purposes()),
                List.copyOf(c.recipients()),
                List.copyOf(c.holders()),
                List.copyOf(c.categories()),
                c.validFrom(),
                c.validUntil(),
                c.recordedBy(),
                c.recordedAt(),
                ResidentConsents.givenBySubject(c) && w == null && status != ConsentRecord.Status.EXPIRED,
                w == null ? null : new Withdrawal(w.at(), w.withdrawnBy(), w.disclosureId()));
    }
}
