package nl.deelpoort.gateway.grounds;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;
import nl.deelpoort.policy.RiskLevel;

/** A safety override as stored: the declaration and, if any, its early end and its review. */
public record OverrideRecord(
        UUID id,
        String subjectPseudonym,
        OrganisationId declaredBy,
        String declaredByUser,
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

    enum Verdict {
        JUSTIFIED,
        UNJUSTIFIED
    }

    public enum ReviewStatus {
        PENDING_REVIEW,
        JUSTIFIED,
        UNJUSTIFIED
    }

    public record End(Instant at, OrganisationId by, String user, long disclosureId) {}

    record Review(Verdict verdict, String note, Instant at, OrganisationId by, String user, long disclosureId) {}

    String status(Instant now) {
        if (end != null && !end.at().isAfter(now)) {
            return "ENDED";
        }
        return now.isBefore(expiresAt) ? "ACTIVE" : "EXPIRED";
    }

    ReviewStatus reviewStatus() {
        return review == null
                ? ReviewStatus.PENDING_REVIEW
                : ReviewStatus.valueOf(review.verdict().name());
    }
}
