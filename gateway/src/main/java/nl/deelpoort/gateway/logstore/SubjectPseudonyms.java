package nl.deelpoort.gateway.logstore;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.Pseudonyms;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.OrganisationId;

/**
 * Subject pseudonyms for log entries, and forgetting a subject (crypto-shredding, DOMAIN §7). A BSN
 * is turned into the row key of a random per-subject secret with the lookup key; the pseudonym is
 * derived from that secret alone. Forgetting deletes the row: the entries keep their pseudonym and
 * every hash and proof stays valid, but nothing links them to the BSN any more, and the BSN gets a
 * fresh, unrelated pseudonym from then on. Pseudonyms are not cached, so a forget on one instance
 * holds on all of them at once.
 */
public class SubjectPseudonyms {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;
    private final byte[] lookupKey;
    private final DisclosureLog log;

    SubjectPseudonyms(DataSource dataSource, byte[] lookupKey, DisclosureLog log) {
        this.dataSource = dataSource;
        this.lookupKey = lookupKey.clone();
        this.log = log;
    }

    /**
     * The subject's current pseudonym, created on first use. A known subject (the common case on
     * every decision) costs one read; only a new one pays for the insert and the read-back.
     */
    public String pseudonym(Bsn bsn) {
        byte[] lookup = Pseudonyms.lookupKey(lookupKey, bsn.value());
        try (Connection c = dataSource.getConnection()) {
            Optional<byte[]> known = secret(c, lookup);
            if (known.isPresent()) {
                return Pseudonyms.pseudonym(known.get());
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO subject_secret (lookup, secret) VALUES (?, ?) ON CONFLICT (lookup) DO NOTHING")) {
                ps.setBytes(1, lookup);
                ps.setBytes(2, Pseudonyms.newSubjectSecret(RANDOM));
                ps.executeUpdate();
            }
            // Read back: a concurrent first use may have won the insert. A concurrent forget may
            // delete the row just inserted; then the entry about to be written is already unlinked,
            // which is what the forget asked for.
            return secret(c, lookup)
                    .map(Pseudonyms::pseudonym)
                    .orElseGet(() -> Pseudonyms.pseudonym(Pseudonyms.newSubjectSecret(RANDOM)));
        } catch (SQLException e) {
            throw new LogUnavailableException("Subject pseudonyms are unavailable.", e);
        }
    }

    /**
     * The subject's pseudonym if it has one, without creating one: for searches, which must not
     * leave a trace of a BSN that was merely looked for.
     */
    public Optional<String> existingPseudonym(Bsn bsn) {
        byte[] lookup = Pseudonyms.lookupKey(lookupKey, bsn.value());
        try (Connection c = dataSource.getConnection()) {
            return secret(c, lookup).map(Pseudonyms::pseudonym);
        } catch (SQLException e) {
            throw new LogUnavailableException("Subject pseudonyms are unavailable.", e);
        }
    }

    /** What a forget did: the seq of its {@code SUBJECT_FORGOTTEN} entry, and whether there was a secret. */
    public record Forgotten(long disclosureId, boolean hadPseudonym) {}

    /**
     * Destroys the subject's secret and logs a {@code SUBJECT_FORGOTTEN} entry carrying the old
     * pseudonym (never the BSN). The row is deleted in a transaction that commits only after the
     * entry has: if the log cannot commit, nothing is destroyed; if the final commit fails, the log
     * says more than happened and a retry completes it, never the other way round.
     *
     * @param reason why (e.g. "retention ended", "erasure request"); it is logged, so no personal data
     */
    public Forgotten forget(Bsn bsn, String reason, Caller caller) {
        byte[] lookup = Pseudonyms.lookupKey(lookupKey, bsn.value());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<String> old = delete(c, lookup).map(Pseudonyms::pseudonym);
                long seq = log.append(LogEntry.builder(EntryKind.SUBJECT_FORGOTTEN)
                        .subjectPseudonym(old.orElse(null))
                        .requestingOrganisation(
                                caller.organisation().map(OrganisationId::value).orElse(null))
                        .user(caller.subject())
                        .client(caller.clientId())
                        .attributes(Map.of("reason", reason)));
                c.commit();
                return new Forgotten(seq, old.isPresent());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new LogUnavailableException("The subject could not be forgotten: the database is unavailable.", e);
        }
    }

    /** Deletes the row (locking it until commit) and returns the secret it held. */
    private static Optional<byte[]> delete(Connection c, byte[] lookup) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM subject_secret WHERE lookup = ? RETURNING secret")) {
            ps.setBytes(1, lookup);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    private static Optional<byte[]> secret(Connection c, byte[] lookup) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT secret FROM subject_secret WHERE lookup = ?")) {
            ps.setBytes(1, lookup);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }
}
