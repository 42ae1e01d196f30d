package nl.deelpoort.gateway.grounds;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.deelpoort.gateway.grounds.GroundRefusedException.Refusal;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.ConsentGiverRole;
import nl.deelpoort.policy.ConsentGiverRules;
import nl.deelpoort.policy.Flow;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.Organisation;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;

/** Recording and withdrawing consent (docs/domain.md, "Legal grounds the gateway keeps"). */
final class Consents {

    private final Framework framework;
    private final ConsentGiverRules rules;
    private final ConsentStore store;
    private final GroundEvents events;
    private final SubjectPseudonyms pseudonyms;
    private final Clock clock;
    private final GroundsSettings settings;

    Consents(
            Framework framework,
            ConsentStore store,
            GroundEvents events,
            SubjectPseudonyms pseudonyms,
            Clock clock,
            GroundsSettings settings) {
        this.framework = framework;
        this.rules = ConsentGiverRules.of(framework);
        this.store = store;
        this.events = events;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        this.settings = settings;
    }

    ConsentRecord give(Caller caller, Commands.GiveConsent c) {
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
            coverage(recorder, c.purposes(), c.recipients(), c.holders(), c.categories(), refusal);
        }
        refusal.throwIfAny();

        String pseudonym = pseudonyms.pseudonym(c.subject());
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        LogEntry.Builder entry = GroundEvents.entry(EntryKind.CONSENT_GIVEN, caller, recorder, pseudonym)
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
    ConsentRecord withdraw(Caller caller, Commands.WithdrawConsent c) {
        OrganisationId organisation = caller.requireOrganisation();
        return events.record(c.consent(), () -> {
            ConsentRecord consent = find(c.consent(), organisation);
            if (consent.withdrawal() != null) {
                throw new GroundConflictException("This consent was already withdrawn on "
                        + consent.withdrawal().at() + ".");
            }
            Instant now = clock.instant();
            return new GroundEvents.Event<>(
                    GroundEvents.entry(EntryKind.CONSENT_WITHDRAWN, caller, organisation, consent.subjectPseudonym())
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

    ConsentRecord get(Caller caller, UUID id) {
        return find(id, caller.requireOrganisation());
    }

    /** A search by BSN leaves no trace: a subject never seen before gets no pseudonym from it. */
    List<ConsentRecord> search(Caller caller, Bsn subject) {
        OrganisationId organisation = caller.requireOrganisation();
        return pseudonyms
                .existingPseudonym(subject)
                .map(p -> store.forSubject(p, organisation, settings.maxListSize()))
                .orElse(List.of());
    }

    Instant now() {
        return clock.instant();
    }

    private ConsentRecord find(UUID id, OrganisationId organisation) {
        return store.find(id, organisation).orElseThrow(() -> new GroundNotFoundException("consent"));
    }

    /**
     * Consent only means something where a flow asks for it: each purpose, recipient, holder and
     * category must be covered by a consent-based flow for the purposes asked, and the recorder's
     * organisation must take part in every exchange the consent covers ({@link #party}).
     */
    private void coverage(
            OrganisationId recorder,
            Set<Purpose> purposes,
            Set<OrganisationId> recipients,
            Set<OrganisationId> holders,
            Set<Category> categories,
            Refusal f) {
        List<Flow> flows = framework.flows().stream()
                .filter(Flow::consentRequired)
                .filter(flow -> purposes.contains(flow.purpose()))
                .toList();
        int i = 0;
        for (Purpose purpose : purposes) {
            if (flows.stream().noneMatch(flow -> flow.purpose() == purpose)) {
                f.add("purposes[" + i + "]", "no flow of the sharing framework asks consent for " + purpose);
            }
            i++;
        }
        i = 0;
        for (OrganisationId id : recipients) {
            Organisation recipient = organisation(id);
            if (flows.stream().noneMatch(flow -> flow.recipient().includes(recipient))) {
                f.add(
                        "recipients[" + i + "]",
                        "no consent-based flow for " + purposes + " has " + id + " as recipient");
            }
            i++;
        }
        i = 0;
        for (OrganisationId id : holders) {
            Organisation holder = organisation(id);
            if (flows.stream().noneMatch(flow -> flow.holder().includes(holder))) {
                f.add("holders[" + i + "]", "no consent-based flow for " + purposes + " has " + id + " as holder");
            }
            i++;
        }
        i = 0;
        for (Category category : categories) {
            if (flows.stream().noneMatch(flow -> flow.names(category))) {
                f.add(
                        "categories[" + i + "]",
                        "no consent-based flow for " + purposes + " releases " + category
                                + "; a consent cannot widen a flow");
            }
            i++;
        }
        if (f.ok()) {
            party(recorder, recipients, holders, flows, f);
        }
    }

    /**
     * The recorder must take part in every exchange the consent covers, so that no organisation can
     * authorise an exchange between two others: it is the only recipient (it asks for the data, from
     * the holders named or from any holder), or the only holder named (it shares its own data). A
     * consent with no holders covers every holder, so only its recipient may record it; a holder that
     * merely could hold the data takes part in nothing it did not name. (A rule for the policy's
     * consent rules; kept here until it moves there.)
     */
    private void party(
            OrganisationId recorder,
            Set<OrganisationId> recipients,
            Set<OrganisationId> holders,
            List<Flow> flows,
            Refusal f) {
        Optional<Organisation> own = framework.organisation(recorder);
        boolean soleRecipient = own.isPresent()
                && recipients.equals(Set.of(recorder))
                && flows.stream()
                        .anyMatch(flow -> flow.recipient().includes(own.get())
                                && (holders.isEmpty()
                                        || holders.stream()
                                                .anyMatch(h -> flow.holder().includes(organisation(h)))));
        boolean soleHolder = own.isPresent()
                && holders.equals(Set.of(recorder))
                && flows.stream()
                        .anyMatch(flow -> flow.holder().includes(own.get())
                                && recipients.stream()
                                        .anyMatch(r -> flow.recipient().includes(organisation(r))));
        if (soleRecipient || soleHolder) {
            return;
        }
        // Name the field the recorder can fix: the holders if it could share the data itself.
        boolean couldHold = own.isPresent()
                && flows.stream()
                        .anyMatch(flow -> flow.holder().includes(own.get())
                                && recipients.stream()
                                        .anyMatch(r -> flow.recipient().includes(organisation(r))));
        f.add(
                couldHold || holders.contains(recorder) ? "holders" : "recipients",
                "your organisation (" + recorder + ") records only a consent for exchanges it takes part in:"
                        + " name it as the only recipient (it asks for the data) or as the only holder (it"
                        + " shares its own data) under a consent-based flow for these purposes; a consent"
                        + " for other organisations' exchanges is recorded by one of them");
    }

    private Organisation organisation(OrganisationId id) {
        return framework.organisation(id).orElseThrow();
    }
}
