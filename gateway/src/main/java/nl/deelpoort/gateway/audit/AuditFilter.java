package nl.deelpoort.gateway.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;

/**
 * Validated search filters. {@code subjectGiven} with an empty subject means a subject was asked for
 * that is not known to the officer's organisation (nobody processed it, only other organisations did,
 * or the organisation unlinked it): the answer is empty, alike in all three cases, and no pseudonym is
 * created for a mere search.
 *
 * @param subject the subject as the officer's organisation knows it: its pseudonym, and the seq after
 *     which its entries count for the organisation (after the organisation's own forget)
 */
record AuditFilter(
        boolean subjectGiven,
        Optional<SubjectPseudonyms.Known> subject,
        String organisation,
        String purpose,
        String legalBasis,
        String decision,
        String kind,
        String reasonCode,
        String overrideId,
        Instant from,
        Instant to) {

    static AuditFilter period(Instant from, Instant to) {
        return new AuditFilter(false, Optional.empty(), null, null, null, null, null, null, null, from, to);
    }

    static AuditFilter subject(Optional<SubjectPseudonyms.Known> subject, Instant from, Instant to) {
        return new AuditFilter(true, subject, null, null, null, null, null, null, null, from, to);
    }

    boolean unknownSubject() {
        return subjectGiven && subject.isEmpty();
    }

    /** The pseudonym to log with the query: only that of a subject known to the officer's organisation. */
    Optional<String> subjectPseudonym() {
        return subject.map(SubjectPseudonyms.Known::pseudonym);
    }

    /**
     * The filters as log attributes: the subject only as "given", never the BSN. Every value is a
     * closed vocabulary, an id in its own format or a parsed instant (checked in {@link AuditRequests}).
     */
    Map<String, String> attributes() {
        Map<String, String> a = new LinkedHashMap<>();
        if (subjectGiven) {
            a.put("subject", "given");
        }
        put(a, "organisation", organisation);
        put(a, "purpose", purpose);
        put(a, "legalBasis", legalBasis);
        put(a, "decision", decision);
        put(a, "kind", kind);
        put(a, "reasonCode", reasonCode);
        put(a, "overrideId", overrideId);
        put(a, "from", from);
        put(a, "to", to);
        return a;
    }

    private static void put(Map<String, String> a, String name, Object value) {
        if (value != null) {
            a.put(name, value.toString());
        }
    }
}
