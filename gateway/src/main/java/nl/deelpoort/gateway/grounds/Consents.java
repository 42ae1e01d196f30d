package nl.deelpoort.gateway.grounds;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.deelpoort.gateway.logstore.DisclosureLog;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.ConsentGiverRole;
import nl.deelpoort.policy.ConsentGiverRules;
import nl.deelpoort.policy.Flow;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.Organisation;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recording and withdrawing consent (DOMAIN §5). Each command is one transaction that appends its
 * log entry before it inserts its row: if the log cannot commit, nothing is recorded; the only
 * remaining failure is the final commit, after which the log says more than happened and never less.
 */
final class Consents {

    static final int MAX_GIVERS = 8;
    static final int MAX_NAME = 200;
    static final int MAX_EVIDENCE = 200;
    static final int MAX_REASON = 1000;

    private final Framework framework;
    private final ConsentGiverRules rules;
    private final ConsentStore store;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final SubjectPseudonyms pseudonyms;
    private final DisclosureLog log;
    private final Clock clock;
    private final GroundsSettings settings;

    Consents(
            Framework framework,
            ConsentStore store,
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            SubjectPseudonyms pseudonyms,
            DisclosureLog log,
            Clock clock,
            GroundsSettings settings) {
        this.framework = framework;
        this.rules = ConsentGiverRules.of(framework);
        this.store = store;
        this.jdbc = jdbc;
        this.tx = tx;
        this.pseudonyms = pseudonyms;
        this.log = log;
        this.clock = clock;
        this.settings = settings;
    }

    ConsentRecord give(Caller caller, Bodies.Consent body) {
        OrganisationId recorder = caller.requireOrganisation();
        if (body == null) {
            Fields f = new Fields();
            f.add("", "a JSON body is required");
            f.throwIfAny();
        }
        LocalDate today = LocalDate.now(clock.withZone(Framework.ZONE));
        Fields f = new Fields();
        Bsn bsn = f.bsn(body.subject(), "subject");
        LocalDate birthDate = f.birthDate(body.subject(), "subject", today);
        List<ConsentRecord.Giver> givers = givers(body.givenBy(), f);
        Set<Purpose> purposes = f.enumList(body.purposes(), "purposes", Purpose.class, true);
        Set<OrganisationId> recipients = f.organisations(body.recipients(), "recipients", framework, true);
        Set<OrganisationId> holders = f.organisations(body.holders(), "holders", framework, false);
        Set<Category> categories = f.enumList(body.categories(), "categories", Category.class, true);
        LocalDate validFrom = f.date(body.validFrom(), "validFrom", false);
        LocalDate validUntil = f.date(body.validUntil(), "validUntil", false);
        ConsentRecord.Method method = f.enumValue(body.method(), "method", ConsentRecord.Method.class, true);
        String evidence = f.text(body.evidenceReference(), "evidenceReference", false, MAX_EVIDENCE);
        if (blank(body.validFrom())) {
            validFrom = today;
        }
        if (validFrom != null && blank(body.validUntil())) {
            validUntil = rules.defaultValidUntil(validFrom);
        }
        if (birthDate != null && givers.size() == sizeOf(body.givenBy())) {
            // Competence is judged on the day the consent is recorded: that is when it was given.
            f.add(
                    "givenBy",
                    rules.check(
                            birthDate,
                            givers.stream().map(ConsentRecord.Giver::role).toList(),
                            today));
        }
        if (validFrom != null && validUntil != null) {
            f.add("validUntil", rules.checkValidity(validFrom, validUntil));
        }
        if (f.ok()) {
            coverage(recorder, purposes, recipients, holders, categories, f);
        }
        f.throwIfAny();

        String pseudonym = pseudonyms.pseudonym(bsn);
        Instant now = clock.instant();
        String id = Ids.next();
        LocalDate from = validFrom;
        LocalDate until = validUntil;
        return tx.execute(status -> {
            long seq = log.append(GroundEntries.entry(EntryKind.CONSENT_GIVEN, caller, recorder.value(), pseudonym)
                    .consentId(id)
                    .legalBasis("CONSENT")
                    .attributes(new GroundEntries.Attributes()
                            .list("purposes", purposes)
                            .list("recipients", recipients)
                            .list("holders", holders)
                            .list("categories", categories)
                            .list(
                                    "givenBy",
                                    givers.stream()
                                            .map(ConsentRecord.Giver::role)
                                            .toList())
                            .put("validFrom", from)
                            .put("validUntil", until)
                            .put("method", method)
                            .map()));
            ConsentRecord consent = new ConsentRecord(
                    id,
                    pseudonym,
                    givers,
                    purposes,
                    recipients,
                    holders,
                    categories,
                    from,
                    until,
                    method,
                    evidence,
                    recorder,
                    caller.subject(),
                    now,
                    seq,
                    null);
            store.insert(consent);
            return consent;
        });
    }

    /**
     * Withdrawing is always possible for whoever could consent (AVG art. 7(3): as easy as giving),
     * so no competence check; it counts for every decision that reads the grounds after it commits.
     */
    ConsentRecord withdraw(Caller caller, String id, Bodies.Withdrawal body) {
        OrganisationId organisation = caller.requireOrganisation();
        Fields f = new Fields();
        String reason = null;
        ConsentGiverRole by = null;
        if (body == null) {
            f.add("", "a JSON body is required");
        } else {
            reason = f.text(body.reason(), "reason", true, MAX_REASON);
            if (body.withdrawnBy() == null) {
                f.add("withdrawnBy", "is required");
            } else {
                by = f.enumValue(body.withdrawnBy().role(), "withdrawnBy.role", ConsentGiverRole.class, true);
            }
        }
        f.throwIfAny();
        String why = reason;
        ConsentGiverRole withdrawnBy = by;
        return tx.execute(status -> {
            GroundLocks.lock(jdbc, id);
            ConsentRecord consent =
                    store.find(id, organisation).orElseThrow(() -> new GroundNotFoundException("consent"));
            if (consent.withdrawal() != null) {
                throw new GroundConflictException("This consent was already withdrawn on "
                        + consent.withdrawal().at() + ".");
            }
            Instant now = clock.instant();
            long seq = log.append(GroundEntries.entry(
                            EntryKind.CONSENT_WITHDRAWN, caller, organisation.value(), consent.subjectPseudonym())
                    .consentId(consent.id())
                    .legalBasis("CONSENT")
                    .attributes(new GroundEntries.Attributes()
                            .put("withdrawnBy", withdrawnBy)
                            .map()));
            ConsentRecord.Withdrawal withdrawal =
                    new ConsentRecord.Withdrawal(now, why, withdrawnBy, organisation, caller.subject(), seq);
            store.insertWithdrawal(consent.id(), withdrawal);
            return withCommitted(consent, withdrawal);
        });
    }

    ConsentRecord get(Caller caller, String id) {
        OrganisationId organisation = caller.requireOrganisation();
        return store.find(id, organisation).orElseThrow(() -> new GroundNotFoundException("consent"));
    }

    /** A search by BSN leaves no trace: a subject never seen before gets no pseudonym from it. */
    List<ConsentRecord> search(Caller caller, Bodies.Search body) {
        OrganisationId organisation = caller.requireOrganisation();
        Fields f = new Fields();
        Bsn bsn = f.bsn(body == null ? null : body.subject(), "subject");
        f.throwIfAny();
        Optional<String> pseudonym = pseudonyms.existingPseudonym(bsn);
        return pseudonym
                .map(p -> store.forSubject(p, organisation, settings.maxListSize()))
                .orElse(List.of());
    }

    Instant now() {
        return clock.instant();
    }

    private static ConsentRecord withCommitted(ConsentRecord c, ConsentRecord.Withdrawal w) {
        return new ConsentRecord(
                c.id(),
                c.subjectPseudonym(),
                c.givenBy(),
                c.purposes(),
                c.recipients(),
                c.holders(),
                c.categories(),
                c.validFrom(),
                c.validUntil(),
                c.method(),
                c.evidenceReference(),
                c.recordedBy(),
                c.recordedByUser(),
                c.recordedAt(),
                c.disclosureId(),
                w);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static int sizeOf(List<?> list) {
        return list == null ? 0 : list.size();
    }

    private List<ConsentRecord.Giver> givers(List<Bodies.Giver> raw, Fields f) {
        List<ConsentRecord.Giver> givers = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            f.add("givenBy", "name at least one person who gave consent");
            return givers;
        }
        if (raw.size() > MAX_GIVERS) {
            f.add("givenBy", "at most " + MAX_GIVERS + " entries");
            return givers;
        }
        for (int i = 0; i < raw.size(); i++) {
            Bodies.Giver g = raw.get(i);
            String path = "givenBy[" + i + "]";
            if (g == null) {
                f.add(path, Fields.NOT_NULL);
                continue;
            }
            ConsentGiverRole role = f.enumValue(g.role(), path + ".role", ConsentGiverRole.class, true);
            String name = f.text(g.name(), path + ".name", false, MAX_NAME);
            if (role != null) {
                givers.add(new ConsentRecord.Giver(role, name));
            }
        }
        return givers;
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
            Fields f) {
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
            Fields f) {
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
