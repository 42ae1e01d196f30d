package nl.deelpoort.gateway.exchange;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.OrganisationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The transfer table: released sections sealed with {@link TransferCipher}, plus the metadata an
 * inbox shows. The database never holds a section in clear, and never the BSN outside a sealed
 * {@code BSN} section.
 */
final class Transfers {

    private static final String COLUMNS = "id, disclosure_seq, sender_organisation, sender_role,"
            + " recipient_organisation, recipient_role, purpose, categories, flow, legal_basis, confidential,"
            + " subject_pseudonym, key_id, nonce, ciphertext, created_at, expires_at, delivered_at";

    /** One row; {@code sealed} holds the released sections as JSON. */
    record Transfer(
            UUID id,
            long disclosureSeq,
            String sender,
            String senderRole,
            String recipient,
            String recipientRole,
            String purpose,
            List<Category> categories,
            String flow,
            String legalBasis,
            boolean confidential,
            String subjectPseudonym,
            TransferCipher.Sealed sealed,
            Instant createdAt,
            Instant expiresAt,
            Instant deliveredAt) {}

    private final JdbcTemplate jdbc;
    private final TransferCipher cipher;

    Transfers(DataSource dataSource, TransferCipher cipher) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.cipher = cipher;
    }

    /** Seals {@code sectionsJson} for the row described by {@code t} (whose {@code sealed} is ignored) and stores it. */
    Transfer store(Transfer t, byte[] sectionsJson) {
        TransferCipher.Sealed sealed = cipher.seal(sectionsJson, associatedData(t.id(), t.recipient(), t.sender()));
        jdbc.update(
                "INSERT INTO transfer (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                t.id(),
                t.disclosureSeq(),
                t.sender(),
                t.senderRole(),
                t.recipient(),
                t.recipientRole(),
                t.purpose(),
                String.join(",", t.categories().stream().map(Enum::name).toList()),
                t.flow(),
                t.legalBasis(),
                t.confidential(),
                t.subjectPseudonym(),
                sealed.keyId(),
                sealed.nonce(),
                sealed.ciphertext(),
                Timestamp.from(t.createdAt()),
                Timestamp.from(t.expiresAt()),
                null);
        return new Transfer(
                t.id(),
                t.disclosureSeq(),
                t.sender(),
                t.senderRole(),
                t.recipient(),
                t.recipientRole(),
                t.purpose(),
                t.categories(),
                t.flow(),
                t.legalBasis(),
                t.confidential(),
                t.subjectPseudonym(),
                sealed,
                t.createdAt(),
                t.expiresAt(),
                null);
    }

    /** The organisation's transfers that were not fetched yet and have not expired, oldest first. */
    List<Transfer> inbox(OrganisationId recipient, Instant now, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM transfer WHERE recipient_organisation = ? AND delivered_at IS NULL"
                        + " AND expires_at > ? ORDER BY created_at, id LIMIT ?",
                ROW,
                recipient.value(),
                Timestamp.from(now),
                limit);
    }

    /**
     * The transfer if {@code recipient} is its recipient and it is still there: fetched ones stay
     * until purged, unfetched ones until they expire. Anyone else learns nothing, not even that it exists.
     */
    Optional<Transfer> forRecipient(UUID id, OrganisationId recipient, Instant now) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM transfer WHERE id = ? AND recipient_organisation = ?"
                                + " AND (delivered_at IS NOT NULL OR expires_at > ?)",
                        ROW,
                        id,
                        recipient.value(),
                        Timestamp.from(now))
                .stream()
                .findFirst();
    }

    /** The sealed sections in clear. */
    byte[] open(Transfer t) {
        return cipher.open(t.sealed(), associatedData(t.id(), t.recipient(), t.sender()));
    }

    /** The first fetch counts; a later one leaves the time (and with it the purge date) alone. */
    void markDelivered(UUID id, Instant at) {
        jdbc.update(
                "UPDATE transfer SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL", Timestamp.from(at), id);
    }

    int count() {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM transfer", Integer.class);
        return n == null ? 0 : n;
    }

    private static byte[] associatedData(UUID id, String recipient, String sender) {
        return ("deelpoort-transfer-v1\n" + id + "\n" + sender + "\n" + recipient).getBytes(StandardCharsets.UTF_8);
    }

    static final RowMapper<Transfer> ROW = Transfers::row;

    static Transfer row(ResultSet rs, int rowNum) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new Transfer(
                rs.getObject("id", UUID.class),
                rs.getLong("disclosure_seq"),
                rs.getString("sender_organisation"),
                rs.getString("sender_role"),
                rs.getString("recipient_organisation"),
                rs.getString("recipient_role"),
                rs.getString("purpose"),
                Arrays.stream(rs.getString("categories").split(","))
                        .filter(s -> !s.isEmpty())
                        .map(Category::valueOf)
                        .toList(),
                rs.getString("flow"),
                rs.getString("legal_basis"),
                rs.getBoolean("confidential"),
                rs.getString("subject_pseudonym"),
                new TransferCipher.Sealed(rs.getString("key_id"), rs.getBytes("nonce"), rs.getBytes("ciphertext")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                delivered == null ? null : delivered.toInstant());
    }
}
