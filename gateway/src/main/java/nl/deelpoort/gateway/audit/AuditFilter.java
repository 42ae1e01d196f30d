package nl.deelpoort.gateway.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.Decision;
import nl.deelpoort.policy.LegalBasis;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;
import nl.deelpoort.policy.ReasonCode;

/**
 * The filters of an audit query, typed. Every value but the subject is a closed vocabulary, an id in
 * its own format or an instant, so all of them can be logged; the subject never is (see {@link
 * AuditTrail}).
 */
public record AuditFilter(
        Optional<Bsn> subject,
        Optional<OrganisationId> organisation,
        Optional<Purpose> purpose,
        Optional<LegalBasis> legalBasis,
        Optional<Decision> decision,
        Optional<EntryKind> kind,
        Optional<ReasonCode> reasonCode,
        Optional<UUID> overrideId,
        Optional<Instant> from,
        Optional<Instant> to) {

    public static AuditFilter of(Optional<Bsn> subject, Optional<Instant> from, Optional<Instant> to) {
        return new AuditFilter(
                subject,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                from,
                to);
    }

    /** The filters as log attributes, without the subject. */
    Map<String, String> attributes() {
        Map<String, String> a = new LinkedHashMap<>();
        organisation.ifPresent(v -> a.put("organisation", v.value()));
        purpose.ifPresent(v -> a.put("purpose", v.name()));
        legalBasis.ifPresent(v -> a.put("legalBasis", v.name()));
        decision.ifPresent(v -> a.put("decision", v.name()));
        kind.ifPresent(v -> a.put("kind", v.name()));
        reasonCode.ifPresent(v -> a.put("reasonCode", v.name()));
        overrideId.ifPresent(v -> a.put("overrideId", v.toString()));
        from.ifPresent(v -> a.put("from", v.toString()));
        to.ifPresent(v -> a.put("to", v.toString()));
        return a;
    }
}
