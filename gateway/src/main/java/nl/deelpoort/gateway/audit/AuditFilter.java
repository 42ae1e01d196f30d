package nl.deelpoort.gateway.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Validated search filters. {@code subjectGiven} with an empty pseudonym means a subject was asked
 * for that has none: the answer is empty, and no pseudonym is created for a mere search.
 */
record AuditFilter(
        boolean subjectGiven,
        Optional<String> subjectPseudonym,
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

    static AuditFilter subject(Optional<String> pseudonym, Instant from, Instant to) {
        return new AuditFilter(true, pseudonym, null, null, null, null, null, null, null, from, to);
    }

    boolean unknownSubject() {
        return subjectGiven && subjectPseudonym.isEmpty();
    }

    /** The filters as log attributes: the subject only as "given", never the BSN. */
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
