package nl.deelpoort.gateway.console.officer;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.deelpoort.ledger.LogEntry;

/**
 * One log entry in full, as {@code GET /api/v1/log/entries/{seq}} gives it, in words. The subject is
 * its pseudonym (the log holds no BSN); ids and hashes are shown as they are, for the auditor who
 * compares them with an export.
 */
record EntryDetail(
        long seq,
        String time,
        String kind,
        String requester,
        String user,
        String client,
        String holder,
        String recipient,
        String subject,
        String purpose,
        String legalBasis,
        String flow,
        String agreement,
        String policyVersion,
        String decisionCode,
        String decision,
        List<String> reasons,
        String requested,
        String released,
        String consentId,
        String overrideId,
        String measureId,
        String referenceId,
        boolean confidential,
        String retentionUntil,
        String traceId,
        Map<String, String> attributes,
        String leafHash) {

    static EntryDetail of(LogEntry e, byte[] leafHash, Labels labels, Locale locale) {
        return new EntryDetail(
                e.seq(),
                labels.time(e.registeredAt(), locale),
                labels.kind(e.kind().name(), locale),
                labels.party(e.requestingOrganisation(), e.actingRole(), locale),
                e.user(),
                e.client(),
                labels.party(e.holder(), e.holderRole(), locale),
                labels.party(e.recipient(), e.recipientRole(), locale),
                e.subjectPseudonym(),
                labels.purpose(e.purpose(), locale),
                labels.legalBasis(e.legalBasis(), locale),
                e.flow(),
                e.agreement(),
                e.policyVersion(),
                e.decision(),
                labels.decision(e.decision(), locale),
                e.reasonCodes().stream().map(c -> labels.reason(c, locale)).toList(),
                e.categoriesRequested().isEmpty() ? null : labels.categories(e.categoriesRequested(), locale),
                e.categoriesReleased().isEmpty() ? null : labels.categories(e.categoriesReleased(), locale),
                e.consentId(),
                e.overrideId(),
                e.measureId(),
                e.referenceId(),
                e.confidential(),
                labels.day(e.retentionUntil(), locale),
                e.traceId(),
                e.attributes(),
                Base64.getEncoder().encodeToString(leafHash));
    }

    public String decisionBadge() {
        return Badges.decision(decisionCode);
    }
}
