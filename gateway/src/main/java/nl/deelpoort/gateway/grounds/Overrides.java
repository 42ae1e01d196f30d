package nl.deelpoort.gateway.grounds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.Organisation;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.OverrideProposal;
import nl.deelpoort.policy.OverrideRules;
import nl.deelpoort.policy.Purpose;
import nl.deelpoort.policy.Reason;
import nl.deelpoort.policy.ReasonCode;
import nl.deelpoort.policy.RiskLevel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Safety overrides (break-the-glass, DOMAIN §5): declared by a professional of the organisation that
 * will share the data, ended early by its own organisation, reviewed by that organisation's privacy
 * officers, never by the person who declared it. Transactions as in {@link Consents}: log entry
 * first, row second, one commit.
 */
final class Overrides {

    static final int MAX_JUSTIFICATION = 4000;
    static final int MAX_NOTE = 4000;
    static final int MELDCODE_STEPS = 5;

    static final String SELF_REVIEW = "You declared this override; another privacy officer must review it.";

    private final Framework framework;
    private final OverrideRules rules;
    private final OverrideStore store;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final SubjectPseudonyms pseudonyms;
    private final DisclosureLog log;
    private final Clock clock;
    private final GroundsSettings settings;

    Overrides(
            Framework framework,
            OverrideStore store,
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            SubjectPseudonyms pseudonyms,
            DisclosureLog log,
            Clock clock,
            GroundsSettings settings) {
        this.framework = framework;
        this.rules = new OverrideRules(framework);
        this.store = store;
        this.jdbc = jdbc;
        this.tx = tx;
        this.pseudonyms = pseudonyms;
        this.log = log;
        this.clock = clock;
        this.settings = settings;
    }

    OverrideRecord declare(Caller caller, Bodies.Override body) {
        OrganisationId declarer = caller.requireOrganisation();
        Fields f = new Fields();
        if (body == null) {
            f.add("", "a JSON body is required");
            f.throwIfAny();
        }
        Bsn bsn = f.bsn(body.subject(), "subject");
        Purpose purpose = f.enumValue(body.purpose(), "purpose", Purpose.class, true);
        Set<OrganisationId> recipients = f.organisations(body.recipients(), "recipients", framework, true);
        Set<Category> categories = f.enumList(body.categories(), "categories", Category.class, true);
        RiskLevel risk = f.enumValue(body.riskLevel(), "riskLevel", RiskLevel.class, false);
        String justification = f.text(body.justification(), "justification", false, MAX_JUSTIFICATION);
        Integer step = body.meldcodeStep();
        if (step != null && (step < 1 || step > MELDCODE_STEPS)) {
            f.add("meldcodeStep", "must be a step of the meldcode, 1 to " + MELDCODE_STEPS);
        }
        Duration duration = body.durationHours() == null
                ? settings.overrideDefaultDuration()
                : Duration.ofHours(body.durationHours());
        f.throwIfAny();

        List<Reason> reasons = new ArrayList<>(rules.check(
                new OverrideProposal(declarer, purpose, recipients, categories, risk, justification, duration)));
        if (reasons.stream()
                .anyMatch(r -> r.code() == ReasonCode.OVERRIDE_DECLARER_NOT_ALLOWED
                        || (r.code() == ReasonCode.UNKNOWN_ORGANISATION
                                && framework.organisation(declarer).isEmpty()))) {
            throw GroundRefusedException.forbidden(
                    "",
                    "your organisation (" + declarer + ") may not declare a safety override",
                    reasons.stream()
                            .filter(r -> r.code() == ReasonCode.OVERRIDE_DECLARER_NOT_ALLOWED
                                    || r.code() == ReasonCode.UNKNOWN_ORGANISATION)
                            .toList());
        }
        if (duration.compareTo(settings.overrideMaxDuration()) > 0
                && reasons.stream().noneMatch(r -> r.code() == ReasonCode.OVERRIDE_DURATION_INVALID)) {
            reasons.add(durationTooLong(duration));
        }
        for (Reason reason : reasons) {
            f.add(field(reason.code()), List.of(reason));
        }
        declarerShares(declarer, purpose, recipients, f);
        f.throwIfAny();

        String pseudonym = pseudonyms.pseudonym(bsn);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(duration);
        String id = Ids.next();
        return tx.execute(status -> {
            long seq = log.append(GroundEntries.entry(EntryKind.OVERRIDE_DECLARED, caller, declarer.value(), pseudonym)
                    .overrideId(id)
                    .purpose(purpose.name())
                    .attributes(new GroundEntries.Attributes()
                            .list("recipients", recipients)
                            .list("categories", categories)
                            .put("riskLevel", risk)
                            .put("meldcodeStep", step)
                            .put("expiresAt", expiresAt)
                            .map()));
            OverrideRecord declared = new OverrideRecord(
                    id,
                    pseudonym,
                    declarer,
                    caller.subject(),
                    purpose,
                    recipients,
                    categories,
                    risk,
                    justification,
                    step,
                    now,
                    expiresAt,
                    seq,
                    null,
                    null);
            store.insert(declared);
            return declared;
        });
    }

    /** Only the declaring organisation ends its override; a recipient may see it but not end it. */
    OverrideRecord end(Caller caller, String id) {
        OrganisationId organisation = caller.requireOrganisation();
        return tx.execute(status -> {
            GroundLocks.lock(jdbc, id);
            OverrideRecord o =
                    store.find(id, organisation).orElseThrow(() -> new GroundNotFoundException("safety override"));
            if (!o.declaredBy().equals(organisation)) {
                throw new AccessDeniedException("only the declaring organisation ends a safety override");
            }
            Instant now = clock.instant();
            if (o.end() != null) {
                throw new GroundConflictException(
                        "This safety override was already ended on " + o.end().at() + ".");
            }
            if (!now.isBefore(o.expiresAt())) {
                throw new GroundConflictException("This safety override already expired on " + o.expiresAt() + ".");
            }
            long seq = log.append(
                    GroundEntries.entry(EntryKind.OVERRIDE_ENDED, caller, organisation.value(), o.subjectPseudonym())
                            .overrideId(o.id())
                            .purpose(o.purpose().name()));
            OverrideRecord.End end = new OverrideRecord.End(now, organisation, caller.subject(), seq);
            store.insertEnd(o.id(), end);
            return o.withEnd(end);
        });
    }

    /** The privacy officers of the declaring organisation review; others do not see it (404). */
    OverrideRecord review(Caller caller, String id, Bodies.Review body) {
        OrganisationId organisation = caller.requireOrganisation();
        Fields f = new Fields();
        OverrideRecord.Verdict verdict = null;
        String note = null;
        if (body == null) {
            f.add("", "a JSON body is required");
        } else {
            verdict = f.enumValue(body.verdict(), "verdict", OverrideRecord.Verdict.class, true);
            note = f.text(body.note(), "note", true, MAX_NOTE);
        }
        f.throwIfAny();
        OverrideRecord.Verdict v = verdict;
        String n = note;
        return tx.execute(status -> {
            GroundLocks.lock(jdbc, id);
            OverrideRecord o = store.find(id, organisation)
                    .filter(found -> found.declaredBy().equals(organisation))
                    .orElseThrow(() -> new GroundNotFoundException("safety override"));
            if (caller.subject() != null && caller.subject().equals(o.declaredByUser())) {
                // Separation of duties: one account may hold both roles, but never judges its own override.
                throw GroundRefusedException.forbidden("", SELF_REVIEW, List.of());
            }
            if (o.review() != null) {
                throw new GroundConflictException("This safety override was already reviewed on "
                        + o.review().at() + " as " + o.review().verdict() + ".");
            }
            Instant now = clock.instant();
            long seq = log.append(GroundEntries.entry(
                            EntryKind.OVERRIDE_REVIEWED, caller, organisation.value(), o.subjectPseudonym())
                    .overrideId(o.id())
                    .purpose(o.purpose().name())
                    .attributes(new GroundEntries.Attributes().put("verdict", v).map()));
            OverrideRecord.Review review = new OverrideRecord.Review(v, n, now, organisation, caller.subject(), seq);
            store.insertReview(o.id(), review);
            return o.withReview(review);
        });
    }

    List<OverrideRecord> list(Caller caller, String reviewStatus) {
        OrganisationId organisation = caller.requireOrganisation();
        if (reviewStatus != null
                && !List.of("PENDING_REVIEW", "JUSTIFIED", "UNJUSTIFIED").contains(reviewStatus)) {
            Fields f = new Fields();
            f.add("reviewStatus", "must be one of [PENDING_REVIEW, JUSTIFIED, UNJUSTIFIED]");
            f.throwIfAny();
        }
        return store.declaredBy(organisation, reviewStatus, settings.maxListSize());
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * An override is declared by the organisation that will release the data: for each recipient the
     * declarer must be a holder under an overridable flow of the purpose towards that recipient. The
     * policy's {@link OverrideRules} also accepts a declarer that is the recipient itself (it asks);
     * that would let an organisation break the glass on data others hold, so it is refused here
     * (a rule for the policy; kept here until it moves there).
     */
    private void declarerShares(OrganisationId declarer, Purpose purpose, Set<OrganisationId> recipients, Fields f) {
        Optional<Organisation> own = framework.organisation(declarer);
        if (own.isEmpty()) {
            return; // refused above as an unknown organisation
        }
        int i = 0;
        for (OrganisationId id : recipients) {
            Optional<Organisation> recipient = framework.organisation(id);
            if (id.equals(declarer)) {
                f.add(
                        "recipients[" + i + "]",
                        "is your own organisation: a safety override is declared by the organisation that will"
                                + " share the data, for the organisations that receive it");
            } else if (recipient.isPresent()
                    && framework.flows().stream()
                            .noneMatch(flow -> flow.overridable()
                                    && flow.purpose() == purpose
                                    && flow.holder().includes(own.get())
                                    && flow.recipient().includes(recipient.get()))) {
                f.add(
                        "recipients[" + i + "]",
                        "your organisation (" + declarer + ") is not a holder under an overridable flow for "
                                + purpose + " towards this recipient; a safety override is declared by the"
                                + " organisation that will share the data");
            }
            i++;
        }
    }

    /** The policy's code and wording, with the narrower maximum of this installation's settings. */
    private Reason durationTooLong(Duration duration) {
        String max = Long.toString(settings.overrideMaxDuration().toHours());
        String hours = Long.toString(duration.toHours());
        ReasonCode code = ReasonCode.OVERRIDE_DURATION_INVALID;
        return new Reason(
                code,
                code.templateNl().replace("{max}", max).replace("{hours}", hours),
                code.templateEn().replace("{max}", max).replace("{hours}", hours));
    }

    private static String field(ReasonCode code) {
        return switch (code) {
            case OVERRIDE_JUSTIFICATION_TOO_SHORT -> "justification";
            case OVERRIDE_RISK_LEVEL_INVALID -> "riskLevel";
            case OVERRIDE_DURATION_INVALID -> "durationHours";
            default -> "recipients";
        };
    }
}
