package nl.deelpoort.gateway.grounds;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.deelpoort.gateway.logstore.DisclosureLog;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.MeasureType;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.OrganisationKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Child-protection measures (DOMAIN §5): registered for a minor by professionals of a certified
 * institution, ended by that institution. Transactions as in {@link Consents}.
 */
final class Measures {

    static final int MAX_COURT_REFERENCE = 100;

    /** Supervision and guardianship end by law when the child comes of age; juvenile probation may not. */
    static final Set<MeasureType> END_AT_MAJORITY = EnumSet.of(MeasureType.OTS, MeasureType.VOOGDIJ);

    private final Framework framework;
    private final MeasureStore store;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final SubjectPseudonyms pseudonyms;
    private final DisclosureLog log;
    private final Clock clock;

    Measures(
            Framework framework,
            MeasureStore store,
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            SubjectPseudonyms pseudonyms,
            DisclosureLog log,
            Clock clock) {
        this.framework = framework;
        this.store = store;
        this.jdbc = jdbc;
        this.tx = tx;
        this.pseudonyms = pseudonyms;
        this.log = log;
        this.clock = clock;
    }

    MeasureRecord register(Caller caller, Bodies.Measure body) {
        OrganisationId registrar = caller.requireOrganisation();
        boolean certified = framework
                .organisation(registrar)
                .map(o -> o.kind() == OrganisationKind.CERTIFIED_INSTITUTION)
                .orElse(false);
        if (!certified) {
            throw GroundRefusedException.forbidden(
                    "",
                    "only professionals of a certified institution (GI) register child-protection measures",
                    List.of());
        }
        Fields f = new Fields();
        if (body == null) {
            f.add("", "a JSON body is required");
            f.throwIfAny();
        }
        LocalDate today = LocalDate.now(clock.withZone(Framework.ZONE));
        Bsn bsn = f.bsn(body.subject(), "subject");
        LocalDate birthDate = f.birthDate(body.subject(), "subject", today);
        MeasureType type = f.enumValue(body.type(), "type", MeasureType.class, true);
        String court = f.text(body.courtReference(), "courtReference", true, MAX_COURT_REFERENCE);
        LocalDate validFrom = f.date(body.validFrom(), "validFrom", false);
        LocalDate validUntil = f.date(body.validUntil(), "validUntil", true);
        if (body.validFrom() == null || body.validFrom().isBlank()) {
            validFrom = today;
        }
        if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
            f.add("validUntil", "must be after validFrom (it is the exclusive end day)");
        }
        if (birthDate != null && validFrom != null) {
            LocalDate majority = birthDate.plusYears(framework.consentPolicy().adultAge());
            LocalDate start = validFrom.isAfter(today) ? validFrom : today;
            if (!start.isBefore(majority)) {
                f.add(
                        "subject.birthDate",
                        "a child-protection measure is registered for a minor only; the subject is "
                                + framework.consentPolicy().adultAge() + " or older on " + start);
            } else if (type != null
                    && END_AT_MAJORITY.contains(type)
                    && validUntil != null
                    && validUntil.isAfter(majority)) {
                f.add("validUntil", type + " ends by law when the child comes of age: at the latest " + majority);
            }
        }
        f.throwIfAny();

        String pseudonym = pseudonyms.pseudonym(bsn);
        Instant now = clock.instant();
        String id = Ids.next();
        LocalDate from = validFrom;
        LocalDate until = validUntil;
        return tx.execute(status -> {
            long seq =
                    log.append(GroundEntries.entry(EntryKind.MEASURE_REGISTERED, caller, registrar.value(), pseudonym)
                            .measureId(id)
                            .legalBasis("CHILD_PROTECTION_MEASURE")
                            .attributes(new GroundEntries.Attributes()
                                    .put("type", type)
                                    .put("validFrom", from)
                                    .put("validUntil", until)
                                    .map()));
            MeasureRecord measure = new MeasureRecord(
                    id, pseudonym, type, court, from, until, registrar, caller.subject(), now, seq, null);
            store.insert(measure);
            return measure;
        });
    }

    MeasureRecord end(Caller caller, String id) {
        OrganisationId organisation = caller.requireOrganisation();
        return tx.execute(status -> {
            GroundLocks.lock(jdbc, id);
            MeasureRecord m = store.find(id, organisation).orElseThrow(() -> new GroundNotFoundException("measure"));
            Instant now = clock.instant();
            if (m.end() != null) {
                throw new GroundConflictException(
                        "This measure was already ended on " + m.end().at() + ".");
            }
            if (!now.isBefore(ConsentRecord.startOf(m.validUntil()))) {
                throw new GroundConflictException("This measure already ran out on " + m.validUntil() + ".");
            }
            long seq = log.append(
                    GroundEntries.entry(EntryKind.MEASURE_ENDED, caller, organisation.value(), m.subjectPseudonym())
                            .measureId(m.id())
                            .legalBasis("CHILD_PROTECTION_MEASURE"));
            MeasureRecord.End end = new MeasureRecord.End(now, organisation, caller.subject(), seq);
            store.insertEnd(m.id(), end);
            return m.withEnd(end);
        });
    }

    Instant now() {
        return clock.instant();
    }
}
