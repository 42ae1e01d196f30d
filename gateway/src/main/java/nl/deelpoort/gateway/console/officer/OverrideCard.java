package nl.deelpoort.gateway.console.officer;

import java.time.Instant;
import java.util.Locale;
import nl.deelpoort.gateway.grounds.OverrideRecord;

/**
 * A safety override as the review queue shows it, in words. The subject is the pseudonym the log
 * gives it (the override's own log entry carries the same), never a BSN; the declarer is named by
 * the username their login carried, else by their account id.
 *
 * @param status ACTIVE, ENDED or EXPIRED now
 * @param reviewStatus PENDING_REVIEW, JUSTIFIED or UNJUSTIFIED
 */
record OverrideCard(
        String id,
        String subject,
        String declaredBy,
        boolean declaredByName,
        String organisation,
        String declaredAt,
        Age age,
        String purpose,
        String recipients,
        String categories,
        String riskLevel,
        Integer meldcodeStep,
        String status,
        String expiresAt,
        String justification,
        long disclosureId,
        String reviewStatus,
        String reviewNote,
        String reviewedAt,
        Long reviewDisclosureId) {

    static OverrideCard of(OverrideRecord o, Instant now, Labels labels, Locale locale) {
        OverrideRecord.Review review = o.review();
        return new OverrideCard(
                o.id().toString(),
                o.subjectPseudonym(),
                o.declaredByName() != null ? o.declaredByName() : o.declaredByUser(),
                o.declaredByName() != null,
                labels.organisation(o.declaredBy().value()),
                labels.time(o.declaredAt(), locale),
                Age.between(o.declaredAt(), now),
                labels.label(o.purpose(), locale),
                String.join(
                        ", ",
                        o.recipients().stream()
                                .map(r -> labels.organisation(r.value()))
                                .toList()),
                labels.categories(o.categories(), locale),
                o.riskLevel().name(),
                o.meldcodeStep(),
                o.status(now),
                labels.time(o.expiresAt(), locale),
                o.justification(),
                o.disclosureId(),
                o.reviewStatus().name(),
                review == null ? null : review.note(),
                review == null ? null : labels.time(review.at(), locale),
                review == null ? null : review.disclosureId());
    }

    public boolean pending() {
        return "PENDING_REVIEW".equals(reviewStatus);
    }

    /** The badge class of the review status; the badge always carries its word. */
    public String reviewBadge() {
        return switch (reviewStatus) {
            case "JUSTIFIED" -> "badge-ok";
            case "UNJUSTIFIED" -> "badge-no";
            default -> "badge-warn";
        };
    }
}
