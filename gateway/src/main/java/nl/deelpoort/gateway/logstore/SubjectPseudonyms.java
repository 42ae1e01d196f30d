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
 * derived from that secret alone. Destroying the secret unlinks every entry: the entries keep their
 * pseudonym and every hash and proof stays valid, but nothing links them to the BSN any more, and the
 * BSN gets a fresh, unrelated pseudonym from then on. Pseudonyms are not cached, so a forget on one
 * instance holds on all of them at once.
 *
 * <p>Forgetting is per controller ({@link #forget}): an organisation unlinks the subject for itself
 * (table {@code subject_unlinked}, V40), and the secret is destroyed only when every organisation that
 * processed the subject has unlinked it. Which subjects an organisation "knows" ({@link #knownTo}) is
 * relative to that organisation alone, so no answer built on it tells whether others processed a BSN.
 */
public class SubjectPseudonyms {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Kinds that do not make a subject processed by an organisation: looking at it and forgetting it. */
    private static final String PROCESSING = "kind NOT IN ('AUDIT_QUERY', 'SUBJECT_FORGOTTEN')";

    /** Advisory lock class of forgets (two-int form, apart from the log's one-bigint append lock). */
    private static final int FORGET_LOCK_CLASS = 0x64706667;

    private static final String KNOWN = "SELECT EXISTS (SELECT 1 FROM log_entry WHERE subject_pseudonym = ? AND seq > ?"
            + " AND " + PROCESSING + " AND " + LogVisibility.SQL + ")";

    /**
     * How many organisations appear in the subject's entries (as requester, holder or recipient, in
     * entries that process it) without having unlinked it after their last such entry.
     */
    private static final String NOT_UNLINKED = """
            SELECT count(*) FROM (
                SELECT p.org, max(e.seq) AS last
                  FROM log_entry e, unnest(ARRAY[e.requesting_organisation, e.holder, e.recipient]) AS p(org)
                 WHERE e.subject_pseudonym = ? AND e.%s AND p.org IS NOT NULL
                 GROUP BY p.org) parties
             WHERE NOT EXISTS (SELECT 1 FROM subject_unlinked u
                                WHERE u.lookup = ? AND u.organisation = parties.org AND u.unlinked_seq > parties.last)
            """.formatted(PROCESSING);

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
     * The subject's pseudonym if it has one, without creating one. Says whether <em>anyone</em>
     * processed the BSN: for the subject's own view and the gateway's decisions, never for an answer to
     * a privacy officer (they use {@link #knownTo}).
     */
    public Optional<String> existingPseudonym(Bsn bsn) {
        byte[] lookup = Pseudonyms.lookupKey(lookupKey, bsn.value());
        try (Connection c = dataSource.getConnection()) {
            return secret(c, lookup).map(Pseudonyms::pseudonym);
        } catch (SQLException e) {
            throw new LogUnavailableException("Subject pseudonyms are unavailable.", e);
        }
    }

    /**
     * A subject as one organisation knows it.
     *
     * @param pseudonym the subject's pseudonym in the log
     * @param afterSeq only entries with a greater seq count for the organisation: the seq of its own
     *     {@code SUBJECT_FORGOTTEN} entry if it unlinked the subject before, else -1
     */
    public record Known(String pseudonym, long afterSeq) {}

    /**
     * The subject if it is known to the organisation: it has a pseudonym and an entry with that
     * pseudonym, after the organisation's own unlinking if any, in which the organisation is requester,
     * holder or recipient, of a kind other than {@code AUDIT_QUERY} and {@code SUBJECT_FORGOTTEN}.
     * Empty alike whether nobody or only other organisations processed the BSN. Creates nothing.
     */
    public Optional<Known> knownTo(Bsn bsn, OrganisationId organisation) {
        byte[] lookup = Pseudonyms.lookupKey(lookupKey, bsn.value());
        try (Connection c = dataSource.getConnection()) {
            return knownTo(c, lookup, organisation.value());
        } catch (SQLException e) {
            throw new LogUnavailableException("Subject pseudonyms are unavailable.", e);
        }
    }

    /**
     * What a forget did.
     *
     * @param disclosureId the seq of the organisation's {@code SUBJECT_FORGOTTEN} entry
     * @param shredded whether it was the last unlinking and the secret was destroyed (never told to the
     *     caller: it would say whether other organisations still process the subject)
     */
    public record Forgotten(long disclosureId, boolean shredded) {}

    /**
     * Forgets a subject for one organisation. Several controllers may have processed the subject, each
     * answering for its own processing, so one organisation's forget <em>unlinks</em> the subject for
     * that organisation only, and the subject's secret is destroyed (global crypto-shredding) only when
     * every organisation that processed the subject has unlinked it. (Otherwise one officer could erase
     * the others' records: a GI's measure would silently stop counting.)
     *
     * <ol>
     *   <li>Only a subject {@link #knownTo known to} the organisation; otherwise nothing is logged or
     *       stored and the answer is empty, the same whether nobody or only others processed it.
     *   <li>A {@code SUBJECT_FORGOTTEN} entry with the organisation as requester, the pseudonym (never
     *       the BSN) and the attribute {@code reason}; then the organisation's {@code subject_unlinked}
     *       row with that entry's seq.
     *   <li>If now every organisation appearing as requester, holder or recipient in the subject's
     *       entries (other than audit queries and forgets) has unlinked it after its last such entry, a
     *       second {@code SUBJECT_FORGOTTEN} entry without organisation, user or pseudonym (attribute
     *       {@code scope: all}), and the subject's secret and every unlink row of the BSN are deleted.
     * </ol>
     *
     * All of it is one transaction, under a lock per subject, that commits only after the entries
     * have: if the log cannot commit, nothing is changed; if the final commit fails, the log says more
     * than happened and a retry completes it, never the other way round.
     *
     * @param reason why (e.g. "retention ended", "erasure request"); it is logged, so no personal data
     *     (checked by the caller)
     * @return empty if the subject is not known to the organisation
     */
    public Optional<Forgotten> forget(Bsn bsn, String reason, Caller caller, OrganisationId organisation) {
        byte[] lookup = Pseudonyms.lookupKey(lookupKey, bsn.value());
        String org = organisation.value();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                lock(c, lookup);
                Optional<Known> known = knownTo(c, lookup, org);
                if (known.isEmpty()) {
                    c.rollback();
                    return Optional.empty();
                }
                String pseudonym = known.get().pseudonym();
                long seq = log.append(LogEntry.builder(EntryKind.SUBJECT_FORGOTTEN)
                        .subjectPseudonym(pseudonym)
                        .requestingOrganisation(org)
                        .user(caller.subject())
                        .client(caller.clientId())
                        .attributes(Map.of("reason", reason)));
                update(c, "DELETE FROM subject_unlinked WHERE lookup = ? AND organisation = ?", lookup, org);
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO subject_unlinked (lookup, organisation, unlinked_seq) VALUES (?, ?, ?)")) {
                    ps.setBytes(1, lookup);
                    ps.setString(2, org);
                    ps.setLong(3, seq);
                    ps.executeUpdate();
                }
                boolean shred = notUnlinked(c, pseudonym, lookup) == 0;
                if (shred) {
                    log.append(LogEntry.builder(EntryKind.SUBJECT_FORGOTTEN).attributes(Map.of("scope", "all")));
                    update(c, "DELETE FROM subject_unlinked WHERE lookup = ?", lookup, null);
                    update(c, "DELETE FROM subject_secret WHERE lookup = ?", lookup, null);
                }
                c.commit();
                return Optional.of(new Forgotten(seq, shred));
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new LogUnavailableException("The subject could not be forgotten: the database is unavailable.", e);
        }
    }

    /** Serialises forgets of one subject, so two last unlinkings cannot both miss each other. */
    private static void lock(Connection c, byte[] lookup) throws SQLException {
        int key = (lookup[0] & 0xff) << 24 | (lookup[1] & 0xff) << 16 | (lookup[2] & 0xff) << 8 | (lookup[3] & 0xff);
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            ps.setInt(1, FORGET_LOCK_CLASS);
            ps.setInt(2, key);
            ps.executeQuery().close();
        }
    }

    private static Optional<Known> knownTo(Connection c, byte[] lookup, String organisation) throws SQLException {
        byte[] secret;
        long after;
        try (PreparedStatement ps = c.prepareStatement("SELECT s.secret, u.unlinked_seq FROM subject_secret s"
                + " LEFT JOIN subject_unlinked u ON u.lookup = s.lookup AND u.organisation = ? WHERE s.lookup = ?")) {
            ps.setString(1, organisation);
            ps.setBytes(2, lookup);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                secret = rs.getBytes(1);
                long unlinked = rs.getLong(2);
                after = rs.wasNull() ? -1 : unlinked;
            }
        }
        String pseudonym = Pseudonyms.pseudonym(secret);
        try (PreparedStatement ps = c.prepareStatement(KNOWN)) {
            ps.setString(1, pseudonym);
            ps.setLong(2, after);
            for (int i = 3; i <= 5; i++) {
                ps.setString(i, organisation);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1) ? Optional.of(new Known(pseudonym, after)) : Optional.empty();
            }
        }
    }

    private static long notUnlinked(Connection c, String pseudonym, byte[] lookup) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(NOT_UNLINKED)) {
            ps.setString(1, pseudonym);
            ps.setBytes(2, lookup);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void update(Connection c, String sql, byte[] lookup, String organisation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, lookup);
            if (organisation != null) {
                ps.setString(2, organisation);
            }
            ps.executeUpdate();
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
