package nl.deelpoort.gateway.grounds;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;
import nl.deelpoort.policy.RiskLevel;
import org.springframework.jdbc.core.JdbcTemplate;

/** The safety_override, override_end and override_review tables (V10). */
final class OverrideStore {

    private static final String SELECT = "SELECT o.*, e.ended_at, e.ended_by_org, e.ended_by_user,"
            + " e.disclosure_id AS e_disclosure_id, r.verdict, r.note, r.reviewed_at, r.reviewed_by_org,"
            + " r.reviewed_by_user, r.disclosure_id AS r_disclosure_id"
            + " FROM safety_override o LEFT JOIN override_end e ON e.override_id = o.id"
            + " LEFT JOIN override_review r ON r.override_id = o.id";

    private final JdbcTemplate jdbc;

    OverrideStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OverrideRecord o) {
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("INSERT INTO safety_override (id, subject_pseudonym,"
                    + " declaring_org, declared_by_user, purpose, recipients, categories, risk_level, justification,"
                    + " meldcode_step, declared_at, expires_at, disclosure_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            ps.setObject(1, UUID.fromString(o.id()));
            ps.setString(2, o.subjectPseudonym());
            ps.setString(3, o.declaredBy().value());
            ps.setString(4, o.declaredByUser());
            ps.setString(5, o.purpose().name());
            ps.setArray(6, Sql.texts(connection, o.recipients()));
            ps.setArray(7, Sql.texts(connection, o.categories()));
            ps.setString(8, o.riskLevel().name());
            ps.setString(9, o.justification());
            if (o.meldcodeStep() == null) {
                ps.setNull(10, Types.SMALLINT);
            } else {
                ps.setShort(10, o.meldcodeStep().shortValue());
            }
            ps.setObject(11, Sql.at(o.declaredAt()));
            ps.setObject(12, Sql.at(o.expiresAt()));
            ps.setLong(13, o.disclosureId());
            return ps;
        });
    }

    void insertEnd(String id, OverrideRecord.End end) {
        jdbc.update(
                "INSERT INTO override_end (override_id, ended_at, ended_by_org, ended_by_user, disclosure_id)"
                        + " VALUES (?, ?, ?, ?, ?)",
                UUID.fromString(id),
                Sql.at(end.at()),
                end.by().value(),
                end.user(),
                end.disclosureId());
    }

    void insertReview(String id, OverrideRecord.Review review) {
        jdbc.update(
                "INSERT INTO override_review (override_id, verdict, note, reviewed_at, reviewed_by_org,"
                        + " reviewed_by_user, disclosure_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                UUID.fromString(id),
                review.verdict().name(),
                review.note(),
                Sql.at(review.at()),
                review.by().value(),
                review.user(),
                review.disclosureId());
    }

    /** The override if {@code organisation} declared it or is one of its recipients. */
    Optional<OverrideRecord> find(String id, OrganisationId organisation) {
        Optional<UUID> uuid = Ids.parse(id);
        if (uuid.isEmpty()) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        SELECT + " WHERE o.id = ? AND (o.declaring_org = ? OR ? = ANY (o.recipients))",
                        OverrideStore::map,
                        uuid.get(),
                        organisation.value(),
                        organisation.value())
                .stream()
                .findFirst();
    }

    /**
     * The overrides {@code organisation} declared, newest first; {@code reviewStatus} {@code null}
     * for all, else PENDING_REVIEW, JUSTIFIED or UNJUSTIFIED.
     */
    List<OverrideRecord> declaredBy(OrganisationId organisation, String reviewStatus, int limit) {
        String filter = switch (reviewStatus == null ? "" : reviewStatus) {
            case "PENDING_REVIEW" -> " AND r.override_id IS NULL";
            case "JUSTIFIED", "UNJUSTIFIED" -> " AND r.verdict = ?";
            default -> "";
        };
        String sql = SELECT + " WHERE o.declaring_org = ?" + filter + " ORDER BY o.declared_at DESC, o.id LIMIT ?";
        return filter.contains("?")
                ? jdbc.query(sql, OverrideStore::map, organisation.value(), reviewStatus, limit)
                : jdbc.query(sql, OverrideStore::map, organisation.value(), limit);
    }

    private static OverrideRecord map(ResultSet rs, int row) throws SQLException {
        OverrideRecord.End end = null;
        if (rs.getObject("ended_at") != null) {
            end = new OverrideRecord.End(
                    Sql.instant(rs, "ended_at"),
                    OrganisationId.of(rs.getString("ended_by_org")),
                    rs.getString("ended_by_user"),
                    rs.getLong("e_disclosure_id"));
        }
        OverrideRecord.Review review = null;
        if (rs.getString("verdict") != null) {
            review = new OverrideRecord.Review(
                    OverrideRecord.Verdict.valueOf(rs.getString("verdict")),
                    rs.getString("note"),
                    Sql.instant(rs, "reviewed_at"),
                    OrganisationId.of(rs.getString("reviewed_by_org")),
                    rs.getString("reviewed_by_user"),
                    rs.getLong("r_disclosure_id"));
        }
        short step = rs.getShort("meldcode_step");
        Integer meldcodeStep = rs.wasNull() ? null : (int) step;
        return new OverrideRecord(
                rs.getString("id"),
                rs.getString("subject_pseudonym"),
                OrganisationId.of(rs.getString("declaring_org")),
                rs.getString("declared_by_user"),
                Purpose.valueOf(rs.getString("purpose")),
                Ids.ordered(Sql.texts(rs, "recipients", OrganisationId::of)),
                Ids.ordered(Sql.texts(rs, "categories", Category::valueOf)),
                RiskLevel.valueOf(rs.getString("risk_level")),
                rs.getString("justification"),
                meldcodeStep,
                Sql.instant(rs, "declared_at"),
                Sql.instant(rs, "expires_at"),
                rs.getLong("disclosure_id"),
                end,
                review);
    }
}
