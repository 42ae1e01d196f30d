package nl.deelpoort.gateway.grounds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import nl.deelpoort.policy.MeasureType;
import nl.deelpoort.policy.OrganisationId;
import org.springframework.jdbc.core.JdbcTemplate;

/** The measure and measure_end tables (V10). */
final class MeasureStore {

    private final JdbcTemplate jdbc;

    MeasureStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(MeasureRecord m) {
        jdbc.update(
                "INSERT INTO measure (id, subject_pseudonym, type, court_reference, valid_from, valid_until,"
                        + " registered_by_org, registered_by_user, registered_at, disclosure_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.fromString(m.id()),
                m.subjectPseudonym(),
                m.type().name(),
                m.courtReference(),
                m.validFrom(),
                m.validUntil(),
                m.registeredBy().value(),
                m.registeredByUser(),
                Sql.at(m.registeredAt()),
                m.disclosureId());
    }

    void insertEnd(String id, MeasureRecord.End end) {
        jdbc.update(
                "INSERT INTO measure_end (measure_id, ended_at, ended_by_org, ended_by_user, disclosure_id)"
                        + " VALUES (?, ?, ?, ?, ?)",
                UUID.fromString(id),
                Sql.at(end.at()),
                end.by().value(),
                end.user(),
                end.disclosureId());
    }

    /** The measure if {@code organisation} registered it: no other organisation is named by one. */
    Optional<MeasureRecord> find(String id, OrganisationId organisation) {
        Optional<UUID> uuid = Ids.parse(id);
        if (uuid.isEmpty()) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        "SELECT m.*, e.ended_at, e.ended_by_org, e.ended_by_user, e.disclosure_id AS e_disclosure_id"
                                + " FROM measure m LEFT JOIN measure_end e ON e.measure_id = m.id"
                                + " WHERE m.id = ? AND m.registered_by_org = ?",
                        MeasureStore::map,
                        uuid.get(),
                        organisation.value())
                .stream()
                .findFirst();
    }

    private static MeasureRecord map(ResultSet rs, int row) throws SQLException {
        MeasureRecord.End end = null;
        if (rs.getObject("ended_at") != null) {
            end = new MeasureRecord.End(
                    Sql.instant(rs, "ended_at"),
                    OrganisationId.of(rs.getString("ended_by_org")),
                    rs.getString("ended_by_user"),
                    rs.getLong("e_disclosure_id"));
        }
        return new MeasureRecord(
                rs.getString("id"),
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
