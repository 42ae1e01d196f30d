package nl.deelpoort.gateway.grounds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import nl.deelpoort.policy.MeasureType;
import nl.deelpoort.policy.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The measure and measure_end tables (V10). */
@Component
record MeasureStore(JdbcClient jdbc) {
    MeasureRecord insert(MeasureRecord m) {
        jdbc.sql("""
                        INSERT INTO measure (id, subject_pseudonym, type, court_reference, valid_from, valid_until,
                            registered_by_org, registered_by_user, registered_at, disclosure_id)
                        VALUES (:id, :subject, :type, :court, :validFrom, :validUntil, :org, :user, :at, :seq)
                        """)
                .param("id", m.id())
                .param("subject", m.subjectPseudonym())
                .param("type", m.type().name())
                .param("court", m.courtReference())
                .param("validFrom", m.validFrom())
                .param("validUntil", m.validUntil())
                .param("org", m.registeredBy().value())
                .param("user", m.registeredByUser())
                .param("at", Sql.at(m.registeredAt()))
                .param("seq", m.disclosureId())
                .update();
        return m;
    }

    void insertEnd(UUID measure, MeasureRecord.End end) {
        jdbc.sql("""
                        INSERT INTO measure_end (measure_id, ended_at, ended_by_org, ended_by_user, disclosure_id)
                        VALUES (:measure, :at, :org, :user, :seq)
                        """)
                .param("measure", measure)
                .param("at", Sql.at(end.at()))
                .param("org", end.by().value())
                .param("user", end.user())
                .param("seq", end.disclosureId())
                .update();
    }

    /** The measure if {@code organisation} registered it: no other organisation is named by one. */
    Optional<MeasureRecord> find(UUID id, OrganisationId organisation) {
        return jdbc.sql("""
                        SELECT m.*, e.ended_at, e.ended_by_org, e.ended_by_user, e.disclosure_id AS e_disclosure_id
                        FROM measure m LEFT JOIN measure_end e ON e.measure_id = m.id
                        WHERE m.id = :id AND m.registered_by_org = :org
                        """)
                .param("id", id)
                .param("org", organisation.value())
                .query(MeasureStore::map)
                .optional();
    }

    private static MeasureRecord map(ResultSet rs, int row) throws SQLException {
        MeasureRecord.End end = rs.getObject("ended_at") == null
                ? null
                : new MeasureRecord.End(
                        Sql.instant(rs, "ended_at"),
                        OrganisationId.of(rs.getString("ended_by_org")),
                        rs.getString("ended_by_user"),
                        rs.getLong("e_disclosure_id"));
        return new MeasureRecord(
                Sql.id(rs),
                rs.getString("subject_pseudonym"),
                MeasureType.valueOf(rs.getString("type")),
                rs.getString("court_reference"),
                Sql.day(rs, "valid_from"),
                Sql.day(rs, "valid_until"),
                OrganisationId.of(rs.getString("registered_by_org")),
                rs.getString("registered_by_user"),
                Sql.instant(rs, "registered_at"),
                rs.getLong("disclosure_id"),
                end);
    }
}
