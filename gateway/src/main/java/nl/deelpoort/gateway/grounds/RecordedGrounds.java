package nl.deelpoort.gateway.grounds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.deelpoort.gateway.decision.GroundsFacts;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.ConsentFact;
import nl.deelpoort.policy.Facts;
import nl.deelpoort.policy.MeasureFact;
import nl.deelpoort.policy.MeasureType;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.OverrideFact;
import nl.deelpoort.policy.Purpose;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The grounds recorded for a subject, as the decision engine weighs them: consents, overrides and
 * measures with their follow-up events, in one statement (one round trip, each branch an index scan
 * on the subject pseudonym). For a decision about a BSN the same statement first finds the subject's
 * pseudonym ({@link SubjectPseudonyms#joined}): a known subject's pseudonym and grounds are one round
 * trip. Every decision reads them afresh, so a withdrawal or an ended override counts for every
 * decision that reads after it committed.
 */
@Component
record RecordedGrounds(JdbcClient jdbc, SubjectPseudonyms pseudonyms, Clock clock) implements GroundsFacts {

    /** The grounds of the subject whose pseudonym is {@code subject} (an SQL expression). */
    static String query(String subject) {
        return """
                SELECT 'C' AS kind, c.id::text AS id, c.purposes, c.recipients, c.holders, c.categories,
                       NULL::text AS org, NULL::text AS type, c.valid_from AS day_from, c.valid_until AS day_until,
                       NULL::timestamptz AS at_from, NULL::timestamptz AS at_until, w.withdrawn_at AS at_end
                FROM consent c LEFT JOIN consent_withdrawal w ON w.consent_id = c.id
                WHERE c.subject_pseudonym = %1$s
                UNION ALL
                SELECT 'O', o.id::text, ARRAY[o.purpose], o.recipients, NULL, o.categories, o.declaring_org, NULL,
                       NULL, NULL, o.declared_at, o.expires_at, e.ended_at
                FROM safety_override o LEFT JOIN override_end e ON e.override_id = o.id
                WHERE o.subject_pseudonym = %1$s
                UNION ALL
                SELECT 'M', m.id::text, NULL, NULL, NULL, NULL, m.registered_by_org, m.type, m.valid_from,
                       m.valid_until, NULL, NULL, me.ended_at
                FROM measure m LEFT JOIN measure_end me ON me.measure_id = m.id
                WHERE m.subject_pseudonym = %1$s
                """.formatted(subject);
    }

    private static final String BY_PSEUDONYM = query(":subject");

    /** A known subject's pseudonym and its grounds, found by the subject's lookup key. */
    private static final String BY_BSN = SubjectPseudonyms.joined(RecordedGrounds::query);

    @Override
    public Facts factsFor(String subjectPseudonym, Optional<String> invokedOverrideId) {
        Rows rows = new Rows(clock.instant());
        jdbc.sql(BY_PSEUDONYM).param("subject", subjectPseudonym).query((RowCallbackHandler)
                rs -> rows.add(rs, subjectPseudonym));
        return rows.facts(invokedOverrideId);
    }

    @Override
    public Subject subject(Bsn subject, Optional<String> invokedOverrideId) {
        Rows rows = new Rows(clock.instant());
        String[] pseudonym = new String[1];
        jdbc.sql(BY_BSN).params(pseudonyms.joinedParameters(subject)).query(rs -> {
            pseudonym[0] = rs.getString("subject_pseudonym");
            if (rs.getString("kind") != null) {
                rows.add(rs, pseudonym[0]);
            }
        });
        if (pseudonym[0] == null) {
            // No pseudonym yet (or it was just forgotten): made now; a concurrent first use may have
            // recorded grounds for it already, so they are read, not assumed absent.
            String created = pseudonyms.pseudonym(subject);
            return new Subject(created, factsFor(created, invokedOverrideId));
        }
        return new Subject(pseudonym[0], rows.facts(invokedOverrideId));
    }

    /** The facts of one statement's rows, as they are read. */
    private static final class Rows {
        private final Instant read;
        private final List<ConsentFact> consents = new ArrayList<>();
        private final List<OverrideFact> overrides = new ArrayList<>();
        private final List<MeasureFact> measures = new ArrayList<>();

        Rows(Instant read) {
            this.read = read;
        }

        void add(ResultSet rs, String pseudonym) throws SQLException {
            switch (rs.getString("kind")) {
                case "C" -> consents.add(consent(rs, pseudonym, read));
                case "O" -> overrides.add(override(rs, pseudonym, read));
                default -> measures.add(measure(rs, pseudonym, read));
            }
        }

        Facts facts(Optional<String> invokedOverrideId) {
            return new Facts(consents, overrides, measures, invokedOverrideId);
        }
    }

    private static ConsentFact consent(ResultSet rs, String pseudonym, Instant read) throws SQLException {
        return new ConsentFact(
                rs.getString("id"),
                pseudonym,
                Sql.set(rs, "purposes", Purpose::valueOf),
                Sql.set(rs, "recipients", OrganisationId::of),
                Sql.set(rs, "holders", OrganisationId::of),
                Sql.set(rs, "categories", Category::valueOf),
                ConsentRecord.startOf(Sql.day(rs, "day_from")),
                ConsentRecord.startOf(Sql.day(rs, "day_until")),
                ended(rs, read));
    }

    private static OverrideFact override(ResultSet rs, String pseudonym, Instant read) throws SQLException {
        return new OverrideFact(
                rs.getString("id"),
                pseudonym,
                OrganisationId.of(rs.getString("org")),
                Sql.texts(rs, "purposes", Purpose::valueOf).get(0),
                Sql.set(rs, "recipients", OrganisationId::of),
                Sql.set(rs, "categories", Category::valueOf),
                Sql.instant(rs, "at_from"),
                Sql.instant(rs, "at_until"),
                ended(rs, read));
    }

    private static MeasureFact measure(ResultSet rs, String pseudonym, Instant read) throws SQLException {
        return new MeasureFact(
                rs.getString("id"),
                pseudonym,
                MeasureType.valueOf(rs.getString("type")),
                OrganisationId.of(rs.getString("org")),
                ConsentRecord.startOf(Sql.day(rs, "day_from")),
                ConsentRecord.startOf(Sql.day(rs, "day_until")),
                ended(rs, read));
    }

    /**
     * When the ground was withdrawn or ended. An event that committed is in force for this decision
     * even if the instance that wrote it has a clock slightly ahead of ours: its time is capped at the
     * moment we read.
     */
    private static Instant ended(ResultSet rs, Instant read) throws SQLException {
        Instant at = Sql.instant(rs, "at_end");
        return at == null || !at.isAfter(read) ? at : read;
    }
}
