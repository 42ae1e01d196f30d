package nl.deelpoort.gateway.grounds;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.deelpoort.gateway.grounds.GroundRefusedException.Refusal;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.ConsentGiverRole;
import nl.deelpoort.policy.ConsentGiverRules;
import nl.deelpoort.policy.ConsentScopeRules;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.OrganisationId;
import org.springframework.stereotype.Service;

/** Recording and withdrawing consent (docs/domain.md, "Legal grounds the gateway keeps"). */
@Service
public record Consents(
        ConsentGiverRules rules,
        ConsentScopeRules scope,
        ConsentStore store,
        GroundEvents events,
        SubjectPseudonyms pseudonyms,
        Clock clock,
        GroundsSettings settings) {

    public ConsentRecord give(Caller caller, RequestTrace trace, Commands.GiveConsent c) {
        OrganisationId recorder = caller.requireOrganisation();
        LocalDate today = LocalDate.now(clock.withZone(Framework.ZONE));
        LocalDate from = c.validFrom().orElse(today);
        LocalDate until = c.validUntil().orElseGet(() -> rules.defaultValidUntil(from));
        List<ConsentGiverRole> givers =
                c.givenBy().stream().map(ConsentRecord.Giver::role).toList();
        Refusal refusal = new Refusal();
        // Competence is judged on the day the consent is recorded: that is when it was given.
        refusal.add("givenBy", rules.check(c.birthDate(), givers, today));
        refusal.add("validUntil", rules.checkValidity(from, until));
        if (refusal.ok()) {
            refusal.add(scope.violations(recorder, c.purposes(), c.recipients(), c.holders(), c.categories()));
        }
        refusal.throwIfAny();

        String pseudonym = pseudonyms.pseudonym(c.subject());
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        LogEntry.Builder entry = GroundEvents.entry(EntryKind.CONSENT_GIVEN, caller, trace, recorder, pseudonym)
                .consentId(id.toString())
                .legalBasis("CONSENT")
                .attributes(GroundEvents.attributes(
                        "purposes", c.purposes(),
                        "recipients", c.recipients(),
                        "holders", c.holders(),
                        "categories", c.categories(),
                        "givenBy", givers,
                        "validFrom", from,
                        "validUntil", until,
                        "method", c.method()));
        return events.record(
                id,
                entry,
                seq -> store.insert(new ConsentRecord(
                        id,
                        pseudonym,
                        c.givenBy(),
                        c.purposes(),
                        c.recipients(),
                        c.holders(),
                        c.categories(),
                        from,
                        until,
                        c.method(),
                        c.evidenceReference().orElse(null),
                        recorder,
                        caller.subject(),
                        now,
                        seq,
                        null)));
    }

    /**
     * Withdrawing is always possible for whoever could consent (AVG art. 7(3): as easy as giving),
     * so no competence check; it counts for every decision that reads the grounds after it commits.
     */
    public ConsentRecord withdraw(Caller caller, RequestTrace trace, Commands.WithdrawConsent c) {
        OrganisationId organisation = caller.requireOrganisation();
        return events.record(c.consent(), () -> {
            ConsentRecord consent = find(c.consent(), organisation);
            if (consent.withdrawal() != null) {
                throw new GroundConflictException("This consent was already withdrawn on "
                        + consent.withdrawal().at() + ".");
            }
            Instant now = clock.instant();
            return new GroundEvents.Event<>(
                    GroundEvents.entry(
                                    EntryKind.CONSENT_WITHDRAWN,
                                    caller,
                                    trace,
                                    organisation,
                                    consent.subjectPseudonym())
                            .consentId(consent.id().toString())
                            .legalBasis("CONSENT")
                            .attributes(GroundEvents.attributes("withdrawnBy", c.withdrawnBy())),
                    seq -> {
                        store.insertWithdrawal(
                                consent.id(),
                                new ConsentRecord.Withdrawal(
                                        now, c.reason(), c.withdrawnBy(), organisation, caller.subject(), seq));
                        return find(consent.id(), organisation);
                    });
        });
    }

    public ConsentRecord get(Caller caller, UUID id) {
        return find(id, caller.requireOrganisation());
    }

    /** A search by BSN leaves no trace: a subject never seen before gets no pseudonym from it. */
    public List<ConsentRecord> search(Caller caller, Bsn subject) {
        OrganisationId organisation = caller.requireOrganisation();
        return pseudonyms
                .existingPseudonym(subject)
                .map(p -> store.forSubject(p, organisation, settings.maxListSize()))
                .orElse(List.of());
    }

    public Instant now() {
        return clock.instant();
    }

    private ConsentRecord find(UUID id, OrganisationId organisation) {
        return store.find(id, organisation).orElseThrow(() -> new GroundNotFoundException("consent"));
    }
}
