package nl.deelpoort.gateway.grounds;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.deelpoort.gateway.grounds.GroundRefusedException.Refusal;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.population.RegisterFacts;
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
        ConsentRegister register,
        GroundEvents events,
        SubjectPseudonyms pseudonyms,
        Clock clock,
        GroundsSettings settings) {

    /** The reason stored with a subject's own withdrawal (the reason is stored, never logged). */
    static final String BY_SUBJECT = "Ingetrokken door de betrokkene zelf, via Deelpoort.";

    public ConsentRecord give(Caller caller, RequestTrace trace, Commands.GiveConsent c) {
        OrganisationId recorder = caller.requireOrganisation();
        LocalDate today = LocalDate.now(clock.withZone(Framework.ZONE));
        LocalDate from = c.validFrom().orElse(today);
        LocalDate until = c.validUntil().orElseGet(() -> rules.defaultValidUntil(from));
        List<ConsentGiverRole> givers =
                c.givenBy().stream().map(Commands.Giver::role).toList();
        Refusal refusal = new Refusal();
        // The birth date and authority the register holds, where it is consulted; refuses or flags when it cannot be.
        ConsentRegister.Outcome checked = register.check(c, today);
        refusal.add(checked.violations());
        // Competence is judged on the day the consent is recorded: that is when it was given.
        if (checked.birthDate() != null) {
            refusal.add("givenBy", rules.check(checked.birthDate(), givers, today));
        }
        refusal.add("validUntil", rules.checkValidity(from, until));
        if (refusal.ok()) {
            refusal.add(scope.violations(recorder, c.purposes(), c.recipients(), c.holders(), c.categories()));
        }
        refusal.throwIfAny();

        String pseudonym = pseudonyms.pseudonym(c.subject());
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        RegisterCheck check = checked.check();
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
                        "method", c.method(),
                        // How the givers were checked: facts, never the BSNs of parents or guardians.
                        "registerCheck", check.source(),
                        "registerCheckedAt", check.checkedAt(),
                        "registerAuthority", check.authority(),
                        "givenByRegister", check.givers()));
        return events.record(
                id,
                entry,
                seq -> store.insert(new ConsentRecord(
                        id,
                        pseudonym,
                        c.givenBy().stream().map(Commands.Giver::stored).toList(),
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
                        null,
                        check)));
    }

    /**
     * The unverified consents the officer's organisation recorded (the register could not be asked), newest first: the
     * privacy officers' review items.
     */
    public List<ConsentRecord> unverified(Caller caller) {
        return store.unverified(caller.requireOrganisation(), settings.maxListSize());
    }

    /** Whether consents are checked against the population register: the console shows the register's facts then. */
    public boolean checksRegister() {
        return register.configured();
    }

    /**
     * The register's facts on a subject, for the consent form as the professional fills it in. Not logged: nothing is
     * recorded or disclosed, and the BRP keeps its own record of the gateway's queries.
     *
     * @throws nl.deelpoort.gateway.population.PopulationRegisterException when the register cannot be asked
     */
    public RegisterFacts registerFacts(Caller caller, Bsn subject) {
        caller.requireOrganisation();
        return register.facts(subject);
    }

    /**
     * Withdrawing is always possible for whoever could consent (AVG art. 7(3): as easy as giving),
     * so no competence check; it counts for every decision that reads the grounds after it commits.
     */
    public ConsentRecord withdraw(Caller caller, RequestTrace trace, Commands.WithdrawConsent c) {
        OrganisationId organisation = caller.requireOrganisation();
        return withdraw(caller, trace, c, () -> find(c.consent(), organisation), consent -> organisation, null);
    }

    /**
     * The subject withdraws a consent themself ({@link ResidentConsents}, which finds and checks it).
     * A resident acts for no organisation: the withdrawal is recorded for the organisation that
     * recorded the consent, so that its privacy officers see it in their log as they saw the consent
     * given, with the resident's own user id and the attribute {@code channel: resident}.
     */
    ConsentRecord withdrawBySubject(Caller caller, RequestTrace trace, UUID id, Supplier<ConsentRecord> own) {
        return withdraw(
                caller,
                trace,
                new Commands.WithdrawConsent(id, BY_SUBJECT, ConsentGiverRole.SUBJECT),
                own,
                ConsentRecord::recordedBy,
                "resident");
    }

    /**
     * Under the consent's lock: {@code check} finds it (and may refuse), then the entry, then the row.
     *
     * @param channel logged as the attribute {@code channel} when not null
     */
    private ConsentRecord withdraw(
            Caller caller,
            RequestTrace trace,
            Commands.WithdrawConsent c,
            Supplier<ConsentRecord> check,
            Function<ConsentRecord, OrganisationId> onBehalfOf,
            String channel) {
        return events.record(c.consent(), () -> {
            ConsentRecord consent = check.get();
            if (consent.withdrawal() != null) {
                throw new GroundConflictException("This consent was already withdrawn on "
                        + consent.withdrawal().at() + ".");
            }
            OrganisationId organisation = onBehalfOf.apply(consent);
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
                            .attributes(GroundEvents.attributes("withdrawnBy", c.withdrawnBy(), "channel", channel)),
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
