package nl.deelpoort.gateway.console.officer;

import java.util.List;
import java.util.Locale;
import nl.deelpoort.gateway.audit.Audits;

/**
 * A log entry as a row of the officer's tables (search hits, timeline events), in words. No subject:
 * the rows of one search may be about many people, and the entry's page shows its reference.
 *
 * @param decisionCode PERMIT, PARTIAL or DENY, or null for an entry without a decision
 */
record EntryRow(
        long seq,
        String time,
        String kind,
        String requester,
        String holder,
        String recipient,
        String purpose,
        String decisionCode,
        String decision,
        List<String> reasons,
        String released,
        Inclusion inclusion,
        boolean confidential) {

    /** Whether the entry's inclusion in the latest signed checkpoint verified (see {@code Audits.Hit}). */
    enum Inclusion {
        VERIFIED("badge-ok"),
        NOT_VERIFIED("badge-no"),
        /** Newer than the latest checkpoint: no proof exists yet. */
        PENDING("badge-warn");

        private final String badge;

        Inclusion(String badge) {
            this.badge = badge;
        }

        /** The badge's class; the badge always carries its word too. */
        public String badge() {
            return badge;
        }

        static Inclusion of(Boolean verified) {
            return verified == null ? PENDING : verified ? VERIFIED : NOT_VERIFIED;
        }
    }

    static EntryRow of(Audits.Hit hit, Labels labels, Locale locale) {
        return new EntryRow(
                hit.seq(),
                labels.time(hit.registeredAt(), locale),
                labels.kind(hit.kind(), locale),
                party(hit.requestingOrganisation(), labels, locale),
                party(hit.holder(), labels, locale),
                party(hit.recipient(), labels, locale),
                labels.purpose(hit.purpose(), locale),
                hit.decision(),
                labels.decision(hit.decision(), locale),
                hit.reasonCodes().stream().map(c -> labels.reason(c, locale)).toList(),
                labels.categories(hit.categoriesReleased(), locale),
                Inclusion.of(hit.inclusionVerified()),
                hit.confidential());
    }

    /** The badge class of the decision; its word is always shown with it. */
    public String decisionBadge() {
        return Badges.decision(decisionCode);
    }

    private static String party(Audits.Party p, Labels labels, Locale locale) {
        return p == null ? null : labels.party(p.id(), p.role(), locale);
    }
}
