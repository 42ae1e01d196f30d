package nl.deelpoort.gateway.grounds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.deelpoort.gateway.grounds.GroundRefusedException.Refusal;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.OverrideProposal;
import nl.deelpoort.policy.OverrideRules;
import nl.deelpoort.policy.Violation;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Safety overrides (break-the-glass, docs/domain.md, "Legal grounds the gateway keeps"): declared by
 * a professional of the organisation that will share the data, ended early by its own organisation,
 * reviewed by that organisation's privacy officers, never by the person who declared it.
 */
@Service
public record Overrides(
        OverrideRules rules,
        OverrideStore store,
        GroundEvents events,
        SubjectPseudonyms pseudonyms,
        Clock clock,
        GroundsSettings settings) {

    static final String SELF_REVIEW = "You declared this override; another privacy officer must review it.";

    public OverrideRecord declare(Caller caller, RequestTrace trace, Commands.DeclareOverride c) {
        OrganisationId declarer = caller.requireOrganisation();
        Duration duration = c.duration().orElse(settings.overrideDefaultDuration());
        String justification = c.justification().orElse(null);
        List<Violation> notAllowed = rules.checkDeclarer(declarer);
        if (!notAllowed.isEmpty()) {
            throw GroundRefusedException.forbidden(
                    "your organisation (" + declarer + ") may not declare a safety override", notAllowed);
        }
        Refusal refusal = new Refusal();
        refusal.add(rules.violations(
                new OverrideProposal(
                        declarer,
                        c.purpose(),
                        c.recipients(),
                        c.categories(),
                        c.riskLevel().orElse(null),
                        justification,
                        duration),
                settings.overrideMaxDuration()));
        refusal.throwIfAny();

        String pseudonym = pseudonyms.pseudonym(c.subject());
        Instant now = clock.instant();
        Instant expiresAt = now.plus(duration);
        UUID id = UUID.randomUUID();
        LogEntry.Builder entry = GroundEvents.entry(EntryKind.OVERRIDE_DECLARED, caller, trace, declarer, pseudonym)
                .overrideId(id.toString())
                .purpose(c.purpose().name())
                .attributes(GroundEvents.attributes(
                        "recipients", c.recipients(),
                        "categories", c.categories(),
                        "riskLevel", c.riskLevel().orElse(null),
                        "meldcodeStep", c.meldcodeStep().orElse(null),
                        "expiresAt", expiresAt));
        return events.record(
                id,
                entry,
                seq -> store.insert(new OverrideRecord(
                        id,
                        pseudonym,
                        declarer,
                        caller.subject(),
                        c.purpose(),
                        c.recipients(),
                        c.categories(),
                        c.riskLevel().orElseThrow(),
                        justification,
                        c.meldcodeStep().orElse(null),
                        now,
                        expiresAt,
                        seq,
                        null,
                        null)));
    }

    /** Only the declaring organisation ends its override; a recipient may see it but not end it. */
    public OverrideRecord end(Caller caller, RequestTrace trace, UUID id) {
        OrganisationId organisation = caller.requireOrganisation();
        return events.record(id, () -> {
            OverrideRecord o = find(id, organisation);
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
            return new GroundEvents.Event<>(
                    GroundEvents.entry(EntryKind.OVERRIDE_ENDED, caller, trace, organisation, o.subjectPseudonym())
                            .overrideId(o.id().toString())
                            .purpose(o.purpose().name()),
                    seq -> {
                        store.insertEnd(id, new OverrideRecord.End(now, organisation, caller.subject(), seq));
                        return find(id, organisation);
                    });
        });
    }

    /** The privacy officers of the declaring organisation review; others do not see it (404). */
    OverrideRecord review(Caller caller, RequestTrace trace, Commands.ReviewOverride c) {
        OrganisationId organisation = caller.requireOrganisation();
        return events.record(c.override(), () -> {
            OverrideRecord o = store.find(c.override(), organisation)
                    .filter(found -> found.declaredBy().equals(organisation))
                    .orElseThrow(() -> new GroundNotFoundException("safety override"));
            if (caller.subject() != null && caller.subject().equals(o.declaredByUser())) {
                // Separation of duties: one account may hold both roles, but never judges its own override.
                throw GroundRefusedException.forbidden(SELF_REVIEW, List.of());
            }
            if (o.review() != null) {
                throw new GroundConflictException("This safety override was already reviewed on "
                        + o.review().at() + " as " + o.review().verdict() + ".");
            }
            Instant now = clock.instant();
            return new GroundEvents.Event<>(
                    GroundEvents.entry(EntryKind.OVERRIDE_REVIEWED, caller, trace, organisation, o.subjectPseudonym())
                            .overrideId(o.id().toString())
                            .purpose(o.purpose().name())
                            .attributes(GroundEvents.attributes("verdict", c.verdict())),
                    seq -> {
                        store.insertReview(
                                o.id(),
                                new OverrideRecord.Review(
                                        c.verdict(), c.note(), now, organisation, caller.subject(), seq));
                        return find(o.id(), organisation);
                    });
        });
    }

    List<OverrideRecord> list(Caller caller, Optional<OverrideRecord.ReviewStatus> status) {
        return store.declaredBy(caller.requireOrganisation(), status, settings.maxListSize());
    }

    public Instant now() {
        return clock.instant();
    }

    /** This installation's longest override; the framework's own maximum applies too, the shorter wins. */
    public Duration maxDuration() {
        return settings.overrideMaxDuration();
    }

    /** How long an override lasts when the professional names no duration. */
    public Duration defaultDuration() {
        return settings.overrideDefaultDuration();
    }

    private OverrideRecord find(UUID id, OrganisationId organisation) {
        return store.find(id, organisation).orElseThrow(() -> new GroundNotFoundException("safety override"));
    }
}
