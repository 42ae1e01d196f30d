package nl.deelpoort.gateway.grounds;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.ConsentGiverRole;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;
import org.springframework.jdbc.core.JdbcTemplate;

/** The consent and consent_withdrawal tables (V10): inserts and visibility-filtered reads. */
final class ConsentStore {

    private static final String SELECT = "SELECT c.*, w.withdrawn_at, w.reason AS w_reason, w.withdrawn_by_role,"
            + " w.recorded_by_org AS w_org, w.recorded_by_user AS w_user, w.disclosure_id AS w_disclosure_id"
            + " FROM consent c LEFT JOIN consent_withdrawal w ON w.consent_id = c.id";

    /** Recorder, a named recipient or a named holder: the organisations that may see a consent. */
    private static final String VISIBLE = " (c.recorded_by_org = ? OR ? = ANY (c.recipients) OR ? = ANY (c.holders))";

    private final JdbcTemplate jdbc;

    ConsentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ConsentRecord c) {
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("INSERT INTO consent (id, subject_pseudonym,"
                    + " given_by_roles, given_by_names, purposes, recipients, holders, categories, valid_from,"
                    + " valid_until, method, evidence_reference, recorded_by_org, recorded_by_user, recorded_at,"
                    + " disclosure_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            ps.setObject(1, UUID.fromString(c.id()));
            ps.setString(2, c.subjectPseudonym());
            ps.setArray(
                    3,
                    Sql.texts(
                            connection,
                            c.givenBy().stream().map(ConsentRecord.Giver::role).toList()));
            ps.setArray(4, names(connection, c.givenBy()));
            ps.setArray(5, Sql.texts(connection, c.purposes()));
            ps.setArray(6, Sql.texts(connection, c.recipients()));
            ps.setArray(7, Sql.texts(connection, c.holders()));
            ps.setArray(8, Sql.texts(connection, c.categories()));
            ps.setObject(9, c.validFrom());
            ps.setObject(10, c.validUntil());
            ps.setString(11, c.method().name());
            ps.setString(12, c.evidenceReference());
            ps.setString(13, c.recordedBy().value());
            ps.setString(14, c.recordedByUser());
            ps.setObject(15, Sql.at(c.recordedAt()));
            ps.setLong(16, c.disclosureId());
            return ps;
        });
    }

    void insertWithdrawal(String consentId, ConsentRecord.Withdrawal w) {
        jdbc.update(
                "INSERT INTO consent_withdrawal (consent_id, withdrawn_at, reason, withdrawn_by_role,"
                        + " recorded_by_org, recorded_by_user, disclosure_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                UUID.fromString(consentId),
                Sql.at(w.at()),
                w.reason(),
                w.withdrawnBy().name(),
                w.recordedBy().value(),
                w.recordedByUser(),
                w.disclosureId());
    }

    /** The consent if {@code organisation} may see it. */
    Optional<ConsentRecord> find(String id, OrganisationId organisation) {
        Optional<UUID> uuid = Ids.parse(id);
        if (uuid.isEmpty()) {
            return Optional.empty();
        }
        String o = organisation.value();
        return jdbc.query(SELECT + " WHERE c.id = ? AND" + VISIBLE, ConsentStore::map, uuid.get(), o, o, o).stream()
                .findFirst();
    }

    /** The subject's consents that {@code organisation} may see, newest first. */
    List<ConsentRecord> forSubject(String pseudonym, OrganisationId organisation, int limit) {
        String o = organisation.value();
        return jdbc.query(
                SELECT + " WHERE c.subject_pseudonym = ? AND" + VISIBLE + " ORDER BY c.recorded_at DESC, c.id LIMIT ?",
                ConsentStore::map,
                pseudonym,
                o,
                o,
                o,
                limit);
    }

    private static java.sql.Array names(Connection connection, List<ConsentRecord.Giver> givers) throws SQLException {
        List<String> names = new ArrayList<>();
        givers.forEach(g -> names.add(g.name()));
        return Sql.texts(connection, names);
    }

    private static ConsentRecord map(ResultSet rs, int row) throws SQLException {
        List<ConsentGiverRole> roles = Sql.texts(rs, "given_by_roles", ConsentGiverRole::valueOf);
        List<String> names = Sql.texts(rs, "given_by_names");
        List<ConsentRecord.Giver> givers = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            givers.add(new ConsentRecord.Giver(roles.get(i), i < names.size() ? names.get(i) : null));
        }
        ConsentRecord.Withdrawal withdrawal = null;
        if (rs.getObject("withdrawn_at") != null) {
            withdrawal = new ConsentRecord.Withdrawal(
                    Sql.instant(rs, "withdrawn_at"),
                    rs.getString("w_reason"),
                    ConsentGiverRole.valueOf(rs.getString("withdrawn_by_role")),
                    OrganisationId.of(rs.getString("w_org")),
                    rs.getString("w_user"),
                    rs.getLong("w_disclosure_id"));
        }
        return new ConsentRecord(
                rs.getString("id"),
                rs.getString("subject_pseudonym"),
                givers,
                Ids.ordered(Sql.texts(rs, "purposes", Purpose::valueOf)),
                Ids.ordered(Sql.texts(rs, "recipients", OrganisationId::of)),
                Ids.ordered(Sql.texts(rs, "holders", OrganisationId::of)),
                Ids.ordered(Sql.texts(rs, "categories", Category::valueOf)),
                Sql.day(rs, "valid_from"),
                Sql.day(rs, "valid_until"),
                ConsentRecord.Method.valueOf(rs.getString("method")),
                rs.getString("evidence_reference"),
                OrganisationId.of(rs.getString("recorded_by_org")),
                rs.getString("recorded_by_user"),
                Sql.instant(rs, "recorded_at"),
                rs.getLong("disclosure_id"),
                withdrawal);
    }
}
