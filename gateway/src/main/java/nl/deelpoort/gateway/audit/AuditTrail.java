package nl.deelpoort.gateway.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.deelpoort.gateway.logstore.DisclosureLog;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;

/**
 * Logs each audit query before it runs. The subject is an attribute "given" and, when it is known to
 * the officer's organisation ({@code SubjectPseudonyms#knownTo}), its pseudonym in the entry's subject
 * field: so a later look at that subject's trail shows who looked, and forgetting the subject unlinks
 * this entry too. For a subject not known to the organisation the entry has no pseudonym, so the
 * officer's own entry never tells whether other organisations processed the BSN. The BSN itself is
 * never written.
 */
final class AuditTrail {

    private final DisclosureLog log;

    AuditTrail(DisclosureLog log) {
        this.log = log;
    }

    /** @return the seq of the committed entry; throws {@code LogUnavailableException} (503) if it is not */
    long record(Caller caller, String organisation, String query, AuditFilter filter, Map<String, String> extra) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("query", query);
        attributes.putAll(filter.attributes());
        attributes.putAll(extra);
        return log.append(LogEntry.builder(EntryKind.AUDIT_QUERY)
                .requestingOrganisation(organisation)
                .user(caller.subject())
                .client(caller.clientId())
                .subjectPseudonym(filter.subjectPseudonym().orElse(null))
                .attributes(attributes));
    }
}
