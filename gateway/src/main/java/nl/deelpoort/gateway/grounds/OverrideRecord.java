package nl.deelpoort.gateway.grounds;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;
import nl.deelpoort.policy.RiskLevel;

/**
 * A safety override as stored: the declaration and, if any, its early end and its review.
 *
 * @param declaredByUser the declarer's Keycloak subject id
 * @param declaredByName the declarer's username, null for overrides declared before it was kept
 */
public record OverrideRecord(
        UUID id,
        String subjectPseudonym,
        OrganisationId declaredBy,
        String declaredByUser,
        String declaredByName,
        Purpose purpose,
        Set<OrganisationId> recipients,
        Set<Category> categories,
        RiskLevel riskLevel,
        String justification,
        Integer meldcodeStep,
        Instant declaredAt,
        Instant expiresAt,
        long disclosureId,
        End end,
        Review review) {

    public enum Verdict {
        JUSTIFIED,
        UNJUSTIFIED
    }

    public enum ReviewStatus {
        PENDING_REVIEW,
        JUSTIFIED,
        UNJUSTIFIED
    }

    public record End(Instant at, OrganisationId by, String user, long disclosureId) {}

    public record Review(Verdict verdict, String note, Instant at, OrganisationId by, String user, long disclosureId) {}

    /** ACTIVE, ENDED or EXPIRED at {@code now}. */
    public String status(Instant now) {
        if (end != null && !end.at().isAfter(now)) {
            return "ENDED";
        }
        return now.isBefore(expiresAt) ? "ACTIVE" : "EXPIRED";
    }

    public ReviewStatus reviewStatus() {
        return review == null
                ? ReviewStatus.PENDING_REVIEW
                : ReviewStatus.valueOf(review.verdict().name());
    }
}
