package nl.deelpoort.gateway.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.deelpoort.gateway.logstore.DisclosureLog;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.OrganisationId;
import org.springframework.stereotype.Component;

/**
 * Trail, then query: the one way every audit call runs. The officer's query is written to the
 * disclosure log as an {@code AUDIT_QUERY} entry, and only once that entry is committed does the query
 * run, as of that entry (see package-info).
 *
 * <p>A subject is logged as the attribute {@code subject: given} and, when it is known to the
 * officer's organisation ({@code SubjectPseudonyms#knownTo}), by its pseudonym in the entry's subject
 * field: so a later look at that subject's trail shows who looked, and forgetting the subject unlinks
 * this entry too. For a subject not known to the organisation the entry has no pseudonym, so the
 * officer's own entry never tells whether other organisations processed the BSN. The BSN itself is
 * never written.
 */
@Component
public class AuditTrail {

    /**
     * The officer's view, as of their own entry: entries before {@code disclosureId} that {@code
     * organisation} sees.
     *
     * @param subject the subject asked for as the organisation knows it (its pseudonym, and the seq
     *     after which its entries count, after the organisation's own forget); empty when none was
     *     asked for or the organisation does not know it
     */
    public record Scope(
            OrganisationId organisation,
            boolean subjectGiven,
            Optional<SubjectPseudonyms.Known> subject,
            long disclosureId) {

        /** A subject was asked for that the organisation does not know: every answer is empty, alike. */
        public boolean unknownSubject() {
            return subjectGiven && subject.isEmpty();
        }
    }

    private final DisclosureLog log;
    private final SubjectPseudonyms pseudonyms;

    AuditTrail(DisclosureLog log, SubjectPseudonyms pseudonyms) {
        this.log = log;
        this.pseudonyms = pseudonyms;
    }

    /**
     * Records the query, names its entry in the answer ({@code X-Disclosure-Id}), then runs it.
     * Nothing runs if the entry cannot be committed ({@code LogUnavailableException}, 503).
     *
     * @param query the query's name, logged as the attribute {@code query}
     * @param parameters logged as attributes: closed vocabularies, ids and instants only, never a BSN
     */
    public <T> T run(
            Caller caller,
            RequestTrace trace,
            String query,
            Optional<Bsn> subject,
            Map<String, String> parameters,
            Function<Scope, T> then) {
        OrganisationId organisation = caller.requireOrganisation();
        Optional<SubjectPseudonyms.Known> known = subject.flatMap(s -> pseudonyms.knownTo(s, organisation));
        return record(caller, trace, organisation, query, subject.map(s -> "given"), known, parameters, then);
    }

    /**
     * The same for a subject named by a pseudonym the officer was shown before (a sample's subjects),
     * so that no BSN has to be typed or carried: known or not exactly as by BSN ({@code
     * SubjectPseudonyms#knownTo(String, OrganisationId)}), logged as the attribute {@code subject:
     * reference}, and with the pseudonym in the entry only when it is known to the organisation.
     */
    public <T> T runForReference(
            Caller caller,
            RequestTrace trace,
            String query,
            String reference,
            Map<String, String> parameters,
            Function<Scope, T> then) {
        OrganisationId organisation = caller.requireOrganisation();
        Optional<SubjectPseudonyms.Known> known = pseudonyms.knownTo(reference, organisation);
        return record(caller, trace, organisation, query, Optional.of("reference"), known, parameters, then);
    }

    private <T> T record(
            Caller caller,
            RequestTrace trace,
            OrganisationId organisation,
            String query,
            Optional<String> subjectGiven,
            Optional<SubjectPseudonyms.Known> known,
            Map<String, String> parameters,
            Function<Scope, T> then) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("query", query);
        subjectGiven.ifPresent(how -> attributes.put("subject", how));
        attributes.putAll(parameters);
        long seq = trace.logged(log.append(DisclosureLog.traced(
                LogEntry.builder(EntryKind.AUDIT_QUERY)
                        .requestingOrganisation(organisation.value())
                        .user(caller.subject())
                        .client(caller.clientId())
                        .subjectPseudonym(
                                known.map(SubjectPseudonyms.Known::pseudonym).orElse(null))
                        .attributes(attributes),
                trace)));
        return then.apply(new Scope(organisation, subjectGiven.isPresent(), known, seq));
    }
}
