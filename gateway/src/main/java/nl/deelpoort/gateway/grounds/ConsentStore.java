package nl.deelpoort.gateway.grounds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.deelpoort.policy.AuthorityKind;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.ConsentGiverRole;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The consent and consent_withdrawal tables (V10): inserts and visibility-filtered reads. */
@Component
record ConsentStore(JdbcClient jdbc) {
    private static final String SELECT = """
            SELECT c.*, w.withdrawn_at, w.reason AS w_reason, w.withdrawn_by_role, w.recorded_by_org AS w_org,
                   w.recorded_by_user AS w_user, w.disclosure_id AS w_disclosure_id
            FROM consent c LEFT JOIN consent_withdrawal w ON w.consent_id = c.id
            """;

    /** The consents {@code :org} may see: it recorded them, or they name it as recipient or holder. */
    private static final String VISIBLE =
            SELECT + " WHERE (c.recorded_by_org = :org OR :org = ANY (c.recipients) OR :org = ANY (c.holders))";

    ConsentRecord insert(ConsentRecord c) {
        jdbc.sql("""
                        INSERT INTO consent (id, subject_pseudonym, given_by_roles, given_by_names, purposes,
                            recipients, holders, categories, valid_from, valid_until, method, evidence_reference,
                            recorded_by_org, recorded_by_user, recorded_at, disclosure_id, register_check,
                            register_checked_at, register_age, register_authority, given_by_register)
                        VALUES (:id, :subject, :roles, :names, :purposes, :recipients, :holders, :categories,
                            :validFrom, :validUntil, :method, :evidence, :org, :user, :at, :seq, :check,
                            :checkedAt, :age, :authority, :relations)
                        """)
                .param("id", c.id())
                .param("subject", c.subjectPseudonym())
                .param(
                        "roles",
                        Sql.texts(c.givenBy().stream()
                                .map(ConsentRecord.Giver::role)
                                .toList()))
                .param(
                        "names",
                        Sql.texts(c.givenBy().stream()
                                .map(ConsentRecord.Giver::name)
                                .toList()))
                .param("purposes", Sql.texts(c.purposes()))
                .param("recipients", Sql.texts(c.recipients()))
                .param("holders", Sql.texts(c.holders()))
                .param("categories", Sql.texts(c.categories()))
                .param("validFrom", c.validFrom())
                .param("validUntil", c.validUntil())
                .param("method", c.method().name())
                .param("evidence", c.evidenceReference())
                .param("org", c.recordedBy().value())
                .param("user", c.recordedByUser())
                .param("at", Sql.at(c.recordedAt()))
                .param("seq", c.disclosureId())
                .param("check", c.register().source().name())
                .param(
                        "checkedAt",
                        c.register().checkedAt() == null
                                ? null
                                : Sql.at(c.register().checkedAt()))
                .param("age", c.register().ageAtConsent())
                .param(
                        "authority",
                        c.register().authority() == null
                                ? null
                                : c.register().authority().name())
                .param("relations", Sql.texts(c.register().givers()))
                .update();
        return c;
    }

    void insertWithdrawal(UUID consent, ConsentRecord.Withdrawal w) {
        jdbc.sql("""
                        INSERT INTO consent_withdrawal (consent_id, withdrawn_at, reason, withdrawn_by_role,
                            recorded_by_org, recorded_by_user, disclosure_id)
                        VALUES (:consent, :at, :reason, :role, :org, :user, :seq)
                        """)
                .param("consent", consent)
                .param("at", Sql.at(w.at()))
                .param("reason", w.reason())
                .param("role", w.withdrawnBy().name())
                .param("org", w.recordedBy().value())
                .param("user", w.recordedByUser())
                .param("seq", w.disclosureId())
                .update();
    }

    /** The consent if {@code organisation} may see it. */
    Optional<ConsentRecord> find(UUID id, OrganisationId organisation) {
        return jdbc.sql(VISIBLE + " AND c.id = :id")
                .param("org", organisation.value())
                .param("id", id)
                .query(ConsentStore::map)
                .optional();
    }

    /** The subject's consents that {@code organisation} may see, newest first. */
    List<ConsentRecord> forSubject(String pseudonym, OrganisationId organisation, int limit) {
        return jdbc.sql(VISIBLE + " AND c.subject_pseudonym = :subject ORDER BY c.recorded_at DESC, c.id LIMIT :limit")
                .param("org", organisation.value())
                .param("subject", pseudonym)
                .param("limit", limit)
                .query(ConsentStore::map)
                .list();
    }

    /**
     * The consents about one subject, whoever recorded them, newest first: for the subject themself
     * only (the caller has proved the pseudonym is theirs).
     */
    List<ConsentRecord> aboutSubject(String pseudonym, int limit) {
        return jdbc.sql(SELECT + " WHERE c.subject_pseudonym = :subject ORDER BY c.recorded_at DESC, c.id LIMIT :limit")
                .param("subject", pseudonym)
                .param("limit", limit)
                .query(ConsentStore::map)
                .list();
    }

    /** The consent if it is about the subject: for the subject themself, as {@link #aboutSubject}. */
    Optional<ConsentRecord> findAbout(UUID id, String pseudonym) {
        return jdbc.sql(SELECT + " WHERE c.id = :id AND c.subject_pseudonym = :subject")
                .param("id", id)
                .param("subject", pseudonym)
                .query(ConsentStore::map)
                .optional();
    }

    private static ConsentRecord map(ResultSet rs, int row) throws SQLException {
        List<ConsentGiverRole> roles = Sql.texts(rs, "given_by_roles", ConsentGiverRole::valueOf);
        List<String> names = Sql.texts(rs, "given_by_names", name -> name);
        List<ConsentRecord.Giver> givers = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            givers.add(new ConsentRecord.Giver(roles.get(i), i < names.size() ? names.get(i) : null));
        }
        ConsentRecord.Withdrawal withdrawal = rs.getObject("withdrawn_at") == null
                ? null
                : new ConsentRecord.Withdrawal(
                        Sql.instant(rs, "withdrawn_at"),
                        rs.getString("w_reason"),
                        ConsentGiverRole.valueOf(rs.getString("withdrawn_by_role")),
                        OrganisationId.of(rs.getString("w_org")),
                        rs.getString("w_user"),
                        rs.getLong("w_disclosure_id"));
        return new ConsentRecord(
                Sql.id(rs),
                rs.getString("subject_pseudonym"),
                givers,
                Sql.set(rs, "purposes", Purpose::valueOf),
                Sql.set(rs, "recipients", OrganisationId::of),
                Sql.set(rs, "holders", OrganisationId::of),
                Sql.set(rs, "categories", Category::valueOf),
                Sql.day(rs, "valid_from"),
                Sql.day(rs, "valid_until"),
                ConsentRecord.Method.valueOf(rs.getString("method")),
                rs.getString("evidence_reference"),
                OrganisationId.of(rs.getString("recorded_by_org")),
                rs.getString("recorded_by_user"),
                Sql.instant(rs, "recorded_at"),
                rs.getLong("disclosure_id"),
                withdrawal,
                new RegisterCheck(
                        RegisterCheck.Source.valueOf(rs.getString("register_check")),
                        rs.getObject("register_checked_at") == null ? null : Sql.instant(rs, "register_checked_at"),
                        (Integer) rs.getObject("register_age"),
                        rs.getString("register_authority") == null
                                ? null
                                : AuthorityKind.valueOf(rs.getString("register_authority")),
                        Sql.texts(rs, "given_by_register", RegisterCheck.GiverRelation::valueOf)));
    }

    /**
     * The consents {@code organisation} recorded without the register's check (it could not be asked), newest first:
     * the privacy officers' review items.
     */
    List<ConsentRecord> unverified(OrganisationId organisation, int limit) {
        return jdbc.sql(SELECT + " WHERE c.recorded_by_org = :org AND c.register_check = 'UNVERIFIED'"
                        + " ORDER BY c.recorded_at DESC, c.id LIMIT :limit")
                .param("org", organisation.value())
                .param("limit", limit)
                .query(ConsentStore::map)
                .list();
    }
}
