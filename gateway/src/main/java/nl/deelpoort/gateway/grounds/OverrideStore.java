package nl.deelpoort.gateway.grounds;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The safety_override, override_end and override_review tables (V10). */
@Component
record OverrideStore(JdbcClient jdbc) {
    private static final String SELECT = """
            SELECT o.*, e.ended_at, e.ended_by_org, e.ended_by_user, e.disclosure_id AS e_disclosure_id, r.verdict,
                   r.note, r.reviewed_at, r.reviewed_by_org, r.reviewed_by_user, r.disclosure_id AS r_disclosure_id
            FROM safety_override o LEFT JOIN override_end e ON e.override_id = o.id
                 LEFT JOIN override_review r ON r.override_id = o.id
            """;

    OverrideRecord insert(OverrideRecord o) {
        jdbc.sql("""
                        INSERT INTO safety_override (id, subject_pseudonym, declaring_org, declared_by_user,
                            declared_by_name, purpose, recipients, categories, risk_level, justification, meldcode_step,
                            declared_at, expires_at, disclosure_id)
                        VALUES (:id, :subject, :org, :user, :name, :purpose, :recipients, :categories, :risk,
                            :justification, :step, :declaredAt, :expiresAt, :seq)
                        """)
                .param("id", o.id())
                .param("subject", o.subjectPseudonym())
                .param("org", o.declaredBy().value())
                .param("user", o.declaredByUser())
                .param("name", o.declaredByName(), Types.VARCHAR)
                .param("purpose", o.purpose().name())
                .param("recipients", Sql.texts(o.recipients()))
                .param("categories", Sql.texts(o.categories()))
                .param("risk", o.riskLevel().name())
                .param("justification", o.justification())
                .param("step", o.meldcodeStep(), Types.SMALLINT)
                .param("declaredAt", Sql.at(o.declaredAt()))
                .param("expiresAt", Sql.at(o.expiresAt()))
                .param("seq", o.disclosureId())
                .update();
        return o;
    }

    void insertEnd(UUID override, OverrideRecord.End end) {
        jdbc.sql("""
                        INSERT INTO override_end (override_id, ended_at, ended_by_org, ended_by_user, disclosure_id)
                        VALUES (:override, :at, :org, :user, :seq)
                        """)
                .param("override", override)
                .param("at", Sql.at(end.at()))
                .param("org", end.by().value())
                .param("user", end.user())
                .param("seq", end.disclosureId())
                .update();
    }

    void insertReview(UUID override, OverrideRecord.Review review) {
        jdbc.sql("""
                        INSERT INTO override_review (override_id, verdict, note, reviewed_at, reviewed_by_org,
                            reviewed_by_user, disclosure_id)
                        VALUES (:override, :verdict, :note, :at, :org, :user, :seq)
                        """)
                .param("override", override)
                .param("verdict", review.verdict().name())
                .param("note", review.note())
                .param("at", Sql.at(review.at()))
                .param("org", review.by().value())
                .param("user", review.user())
                .param("seq", review.disclosureId())
                .update();
    }

    /** The override if {@code organisation} declared it or is one of its recipients. */
    Optional<OverrideRecord> find(UUID id, OrganisationId organisation) {
        return jdbc.sql(SELECT + " WHERE o.id = :id AND (o.declaring_org = :org OR :org = ANY (o.recipients))")
                .param("id", id)
                .param("org", organisation.value())
                .query(OverrideStore::map)
                .optional();
    }

    /**
     * The overrides {@code organisation} declared, newest first, from {@code offset} on; all of them, or
     * those with {@code status}.
     */
    List<OverrideRecord> declaredBy(
            OrganisationId organisation, Optional<OverrideRecord.ReviewStatus> status, long offset, int limit) {
        return jdbc.sql(SELECT + """
                         WHERE o.declaring_org = :org
                           AND (CAST(:status AS text) IS NULL OR coalesce(r.verdict, 'PENDING_REVIEW') = :status)
                         ORDER BY o.declared_at DESC, o.id LIMIT :limit OFFSET :offset
                        """)
                .param("org", organisation.value())
                .param("status", status.map(Enum::name).orElse(null), Types.VARCHAR)
                .param("limit", limit)
                .param("offset", offset)
                .query(OverrideStore::map)
                .list();
    }

    private static OverrideRecord map(ResultSet rs, int row) throws SQLException {
        OverrideRecord.End end = rs.getObject("ended_at") == null
                ? null
                : new OverrideRecord.End(
                        Sql.instant(rs, "ended_at"),
                        OrganisationId.of(rs.getString("ended_by_org")),
                        rs.getString("ended_by_user"),
                        rs.getLong("e_disclosure_id"));
        OverrideRecord.Review review = rs.getString("verdict") == null
                ? null
                : new OverrideRecord.Review(
                        OverrideRecord.Verdict.valueOf(rs.getString("verdict")),
                        rs.getString("note"),
                        Sql.instant(rs, "reviewed_at"),
                        OrganisationId.of(rs.getString("reviewed_by_org")),
                        rs.getString("reviewed_by_user"),
                        rs.getLong("r_disclosure_id"));
        return new OverrideRecord(
                Sql.id(rs),
                rs.getString("subject_pseudonym"),
                OrganisationId.of(rs.getString("declaring_org")),
                rs.getString("declared_by_user"),
                rs.getString("declared_by_name"),
                Purpose.valueOf(rs.getString("purpose")),
                Sql.set(rs, "recipients", OrganisationId::of),
                Sql.set(rs, "categories", Category::valueOf),
                RiskLevel.valueOf(rs.getString("risk_level")),
                rs.getString("justification"),
                rs.getObject("meldcode_step", Integer.class),
                Sql.instant(rs, "declared_at"),
                Sql.instant(rs, "expires_at"),
                rs.getLong("disclosure_id"),
                end,
                review);
    }
}
