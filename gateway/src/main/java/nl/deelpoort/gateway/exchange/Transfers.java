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
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The transfer table: released sections sealed with {@link TransferCipher}, plus the metadata an
 * inbox shows. The database never holds a section in clear, and never the BSN outside a sealed
 * {@code BSN} section.
 */
@Component
record Transfers(JdbcClient jdbc, TransferCipher cipher) {
    private static final String COLUMNS = "id, disclosure_seq, sender_organisation, sender_role,"
            + " recipient_organisation, recipient_role, purpose, categories, flow, legal_basis, confidential,"
            + " subject_pseudonym, created_at, expires_at";

    /** Stores {@code t} with {@code sectionsJson} sealed. */
    void store(Transfer t, byte[] sectionsJson) {
        TransferCipher.Sealed sealed = cipher.seal(sectionsJson, associatedData(t));
        jdbc.sql("INSERT INTO transfer (" + COLUMNS + ", key_id, nonce, ciphertext) VALUES (:id, :disclosureSeq,"
                        + " :sender, :senderRole, :recipient, :recipientRole, :purpose, :categories, :flow, :legalBasis,"
                        + " :confidential, :subjectPseudonym, :createdAt, :expiresAt, :keyId, :nonce, :ciphertext)")
                .param("id", t.id())
                .param("disclosureSeq", t.disclosureSeq())
                .param("sender", t.sender())
                .param("senderRole", t.senderRole())
                .param("recipient", t.recipient())
                .param("recipientRole", t.recipientRole())
                .param("purpose", t.purpose())
                .param(
                        "categories",
                        String.join(",", t.categories().stream().map(Enum::name).toList()))
                .param("flow", t.flow())
                .param("legalBasis", t.legalBasis())
                .param("confidential", t.confidential())
                .param("subjectPseudonym", t.subjectPseudonym())
                .param("createdAt", Timestamp.from(t.createdAt()))
                .param("expiresAt", Timestamp.from(t.expiresAt()))
                .param("keyId", sealed.keyId())
                .param("nonce", sealed.nonce())
                .param("ciphertext", sealed.ciphertext())
                .update();
    }

    /** The organisation's transfers that were not fetched yet and have not expired, oldest first. */
    List<Transfer> inbox(OrganisationId recipient, Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM transfer WHERE recipient_organisation = :recipient"
                        + " AND delivered_at IS NULL AND expires_at > :now ORDER BY created_at, id LIMIT :limit")
                .param("recipient", recipient.value())
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(Transfers::row)
                .list();
    }

    /**
     * The transfer if {@code recipient} is its recipient and it is still there: fetched ones stay
     * until purged, unfetched ones until they expire. Anyone else learns nothing, not even that it exists.
     */
    Optional<Transfer> forRecipient(UUID id, OrganisationId recipient, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM transfer WHERE id = :id AND recipient_organisation = :recipient"
                        + " AND (delivered_at IS NOT NULL OR expires_at > :now)")
                .param("id", id)
                .param("recipient", recipient.value())
                .param("now", Timestamp.from(now))
                .query(Transfers::row)
                .optional();
    }

    /** The sealed sections of {@code t}, in clear. */
    byte[] open(Transfer t) {
        TransferCipher.Sealed sealed = jdbc.sql("SELECT key_id, nonce, ciphertext FROM transfer WHERE id = :id")
                .param("id", t.id())
                .query((rs, n) -> new TransferCipher.Sealed(
                        rs.getString("key_id"), rs.getBytes("nonce"), rs.getBytes("ciphertext")))
                .single();
        return cipher.open(sealed, associatedData(t));
    }

    /** The first fetch counts; a later one leaves the time (and with it the purge date) alone. */
    void markDelivered(UUID id, Instant at) {
        jdbc.sql("UPDATE transfer SET delivered_at = :at WHERE id = :id AND delivered_at IS NULL")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    /** Locks up to {@code limit} transfers fetched at or before {@code bound}; see {@link #lock}. */
    List<Transfer> lockFetchedBefore(Instant bound, int limit) {
        return lock("delivered_at IS NOT NULL AND delivered_at <= :bound", bound, limit);
    }

    /** Locks up to {@code limit} unfetched transfers expired at {@code now}; see {@link #lock}. */
    List<Transfer> lockExpired(Instant now, int limit) {
        return lock("delivered_at IS NULL AND expires_at <= :bound", now, limit);
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM transfer WHERE id = :id").param("id", id).update();
    }

    /**
     * Rows locked {@code FOR UPDATE SKIP LOCKED} until the caller's transaction ends, so that several
     * gateway instances never take the same row.
     */
    private List<Transfer> lock(String condition, Instant bound, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM transfer WHERE " + condition
                        + " ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("bound", Timestamp.from(bound))
                .param("limit", limit)
                .query(Transfers::row)
                .list();
    }

    /** Binds a ciphertext to its row: it cannot be moved to another row or recipient unnoticed. */
    private static byte[] associatedData(Transfer t) {
        return ("deelpoort-transfer-v1\n" + t.id() + "\n" + t.sender() + "\n" + t.recipient())
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Transfer row(ResultSet rs, int rowNum) throws SQLException {
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
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant());
    }
}
