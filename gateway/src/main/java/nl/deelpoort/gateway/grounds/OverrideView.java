package nl.deelpoort.gateway.grounds;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;
import nl.deelpoort.policy.RiskLevel;

/**
 * A safety override as the API shows it (docs/api.md: {@code id, expiresAt, reviewStatus}, plus the
 * rest). {@code status} is ACTIVE, ENDED or EXPIRED now; {@code reviewStatus} PENDING_REVIEW until a
 * privacy officer of the declaring organisation gives a verdict.
 */
public record OverrideView(
        UUID id,
        Instant expiresAt,
        OverrideRecord.ReviewStatus reviewStatus,
        String status,
        Purpose purpose,
        List<OrganisationId> recipients,
        List<Category> categories,
        RiskLevel riskLevel,
        String justification,
        Integer meldcodeStep,
        OrganisationId declaredBy,
        String declaredByUser,
        Instant declaredAt,
        Instant endedAt,
        Review review,
        long disclosureId) {

    record Review(String verdict, String note, Instant reviewedAt, OrganisationId reviewedBy, String reviewedByUser) {}

    record Page(List<OverrideView> overrides) {}

    public static OverrideView of(OverrideRecord o, Instant now) {
        OverrideRecord.Review r = o.review();
        return new OverrideView(
                o.id(),
                o.expiresAt(),
                o.reviewStatus(),
                o.status(now),
                o.purpose(),
                List.copyOf(o.recipients()),
                List.copyOf(o.categories()),
                o.riskLevel(),
                o.justification(),
                o.meldcodeStep(),
                o.declaredBy(),
                o.declaredByUser(),
                o.declaredAt(),
                o.end() == null ? null : o.end().at(),
                r == null ? null : new Review(r.verdict().name(), r.note(), r.at(), r.by(), r.user()),
                o.disclosureId());
    }
}
