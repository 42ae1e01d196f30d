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
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.MeasureRules;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Violation;
import org.springframework.stereotype.Service;

/**
 * Child-protection measures (docs/domain.md, "Legal grounds the gateway keeps"): registered for a
 * minor by professionals of a certified institution, ended by that institution.
 */
@Service
public record Measures(
        MeasureRules rules, MeasureStore store, GroundEvents events, SubjectPseudonyms pseudonyms, Clock clock) {

    public MeasureRecord register(Caller caller, RequestTrace trace, Commands.RegisterMeasure c) {
        OrganisationId registrar = caller.requireOrganisation();
        List<Violation> notAllowed = rules.checkRegistrar(registrar);
        if (!notAllowed.isEmpty()) {
            throw GroundRefusedException.forbidden(notAllowed.get(0).reason().messageEn(), notAllowed);
        }
        LocalDate today = LocalDate.now(clock.withZone(Framework.ZONE));
        LocalDate from = c.validFrom().orElse(today);
        Refusal refusal = new Refusal();
        refusal.add(rules.violations(c.type(), c.birthDate(), from, c.validUntil(), today));
        refusal.throwIfAny();

        String pseudonym = pseudonyms.pseudonym(c.subject());
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        LogEntry.Builder entry = GroundEvents.entry(EntryKind.MEASURE_REGISTERED, caller, trace, registrar, pseudonym)
                .measureId(id.toString())
                .legalBasis("CHILD_PROTECTION_MEASURE")
                .attributes(GroundEvents.attributes("type", c.type(), "validFrom", from, "validUntil", c.validUntil()));
        return events.record(
                id,
                entry,
                seq -> store.insert(new MeasureRecord(
                        id,
                        pseudonym,
                        c.type(),
                        c.courtReference(),
                        from,
                        c.validUntil(),
                        registrar,
                        caller.subject(),
                        now,
                        seq,
                        null)));
    }

    public MeasureRecord end(Caller caller, RequestTrace trace, UUID id) {
        OrganisationId organisation = caller.requireOrganisation();
        return events.record(id, () -> {
            MeasureRecord m = find(id, organisation);
            Instant now = clock.instant();
            if (m.end() != null) {
                throw new GroundConflictException(
                        "This measure was already ended on " + m.end().at() + ".");
            }
            if (!now.isBefore(ConsentRecord.startOf(m.validUntil()))) {
                throw new GroundConflictException("This measure already ran out on " + m.validUntil() + ".");
            }
            return new GroundEvents.Event<>(
                    GroundEvents.entry(EntryKind.MEASURE_ENDED, caller, trace, organisation, m.subjectPseudonym())
                            .measureId(m.id().toString())
                            .legalBasis("CHILD_PROTECTION_MEASURE"),
                    seq -> {
                        store.insertEnd(id, new MeasureRecord.End(now, organisation, caller.subject(), seq));
                        return find(id, organisation);
                    });
        });
    }

    public Instant now() {
        return clock.instant();
    }

    private MeasureRecord find(UUID id, OrganisationId organisation) {
        return store.find(id, organisation).orElseThrow(() -> new GroundNotFoundException("measure"));
    }
}
