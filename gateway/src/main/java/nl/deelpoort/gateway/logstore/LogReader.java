package nl.deelpoort.gateway.logstore;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import nl.deelpoort.ledger.merkle.MerkleProofs;
import nl.deelpoort.ledger.verify.ExportLine;
import nl.deelpoort.policy.OrganisationId;

/** Reads the stored log: entries, proofs from stored subtrees, checkpoints, the export stream. */
final class LogReader {

    /** An entry as stored, with the three party columns that {@link LogVisibility} reads. */
    record StoredEntry(
            long seq,
            byte[] canonical,
            byte[] leafHash,
            String requestingOrganisation,
            String holder,
            String recipient) {

        boolean fullFor(Optional<OrganisationId> viewer) {
            return LogVisibility.fullFor(viewer, requestingOrganisation, holder, recipient);
        }
    }

    record StoredCheckpoint(long treeSize, byte[] rootHash, String signedNote, Instant createdAt) {}

    record InclusionProof(long seq, long treeSize, byte[] leafHash, List<byte[]> hashes, byte[] rootHash) {}

    record ConsistencyProof(long from, long to, byte[] fromRootHash, byte[] toRootHash, List<byte[]> hashes) {}

    /** A request outside the log as it stands, naming the parameter. */
    static final class OutOfRange extends RuntimeException {
        final String field;

        OutOfRange(String field, String problem) {
            super(problem);
            this.field = field;
        }
    }

    /** Receives export lines one by one, so the export never sits in memory as a whole. */
    @FunctionalInterface
    interface LineSink {
        void accept(ExportLine line) throws IOException;
    }

    private final DataSource dataSource;

    /** A size the log is known to have reached; it never shrinks, so sizes up to it need no query. */
    private final AtomicLong knownSize = new AtomicLong();

    LogReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The log's size if {@code wanted} may exceed what is known, else the known size (saves a round trip). */
    private long sizeFor(Connection c, long wanted) throws SQLException {
        long known = knownSize.get();
        if (wanted <= known) {
            return known;
        }
        long size = LogSequencer.currentSize(c);
        knownSize.accumulateAndGet(size, Math::max);
        return size;
    }

    long size() {
        try (Connection c = dataSource.getConnection()) {
            return LogSequencer.currentSize(c);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    Optional<StoredEntry> entry(long seq) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT canonical, leaf_hash, requesting_organisation, holder,"
                                + " recipient FROM log_entry WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new StoredEntry(
                                seq, rs.getBytes(1), rs.getBytes(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** PATH(seq, D[treeSize]) and MTH(D[treeSize]) from stored hashes: two queries however large the log. */
    InclusionProof inclusionProof(long seq, long treeSize) {
        try (Connection c = dataSource.getConnection()) {
            long size = sizeFor(c, treeSize);
            if (treeSize < 1 || treeSize > size) {
                throw new OutOfRange("treeSize", "must be between 1 and the log's size, " + size);
            }
            if (seq < 0 || seq >= treeSize) {
                throw new OutOfRange("seq", "must be below treeSize");
            }
            return StoredHashes.compute(
                    c,
                    source -> new InclusionProof(
                            seq,
                            treeSize,
                            source.hash(0, seq),
                            MerkleProofs.inclusionProof(source, seq, treeSize),
                            MerkleProofs.rootHash(source, treeSize)));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** PROOF(from, D[to]) and both roots from stored hashes. */
    ConsistencyProof consistencyProof(long from, long to) {
        try (Connection c = dataSource.getConnection()) {
            long size = sizeFor(c, to);
            if (to < 0 || to > size) {
                throw new OutOfRange("to", "must be between 0 and the log's size, " + size);
            }
            if (from < 0 || from > to) {
                throw new OutOfRange("from", "must be between 0 and to");
            }
            return StoredHashes.compute(
                    c,
                    source -> new ConsistencyProof(
                            from,
                            to,
                            MerkleProofs.rootHash(source, from),
                            MerkleProofs.rootHash(source, to),
                            MerkleProofs.consistencyProof(source, from, to)));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    byte[] rootHash(long treeSize) {
        try (Connection c = dataSource.getConnection()) {
            return StoredHashes.compute(c, source -> MerkleProofs.rootHash(source, treeSize));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    Optional<StoredCheckpoint> latestCheckpoint() {
        try (Connection c = dataSource.getConnection()) {
            return latestCheckpoint(c);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    static Optional<StoredCheckpoint> latestCheckpoint(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT tree_size, root_hash, signed_note, created_at FROM checkpoint"
                        + " ORDER BY tree_size DESC LIMIT 1")) {
            return rs.next() ? Optional.of(checkpoint(rs)) : Optional.empty();
        }
    }

    static List<StoredCheckpoint> checkpoints(Connection c) throws SQLException {
        List<StoredCheckpoint> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT tree_size, root_hash, signed_note, created_at FROM checkpoint ORDER BY tree_size")) {
            while (rs.next()) {
                out.add(checkpoint(rs));
            }
        }
        return out;
    }

    private static StoredCheckpoint checkpoint(ResultSet rs) throws SQLException {
        return new StoredCheckpoint(
                rs.getLong(1),
                rs.getBytes(2),
                rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant());
    }

    /**
     * Streams entries {@code fromSeq ≤ seq < toSeq} in seq order as the viewer may see them: in full
     * where {@link LogVisibility} says so, else as redacted leaves (seq and leaf hash). Through a
     * server-side cursor (the connection is in a transaction so PostgreSQL honours the fetch size);
     * the canonical bytes of a redacted entry are not even read.
     */
    void export(long fromSeq, long toSeq, Optional<OrganisationId> viewer, LineSink sink) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, leaf_hash, requesting_organisation, holder,"
                    + " recipient, CASE WHEN " + LogVisibility.SQL + " THEN canonical END FROM log_entry"
                    + " WHERE seq >= ? AND seq < ? ORDER BY seq")) {
                ps.setFetchSize(2000);
                String organisation = viewer.map(OrganisationId::value).orElse(null);
                int i = 1;
                for (Object p : LogVisibility.params(organisation)) {
                    ps.setString(i++, (String) p);
                }
                ps.setLong(i++, fromSeq);
                ps.setLong(i, toSeq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        byte[] leafHash = rs.getBytes(2);
                        byte[] canonical = rs.getBytes(6);
                        boolean full = canonical != null
                                && LogVisibility.fullFor(viewer, rs.getString(3), rs.getString(4), rs.getString(5));
                        sink.accept(
                                full ? new ExportLine(seq, canonical, leafHash) : ExportLine.redacted(seq, leafHash));
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    static void streamEntries(Connection c, long fromSeq, long toSeq, LineSink sink) throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, canonical, leaf_hash FROM log_entry WHERE seq >= ? AND seq < ? ORDER BY seq")) {
            ps.setFetchSize(2000);
            ps.setLong(1, fromSeq);
            ps.setLong(2, toSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new ExportLine(rs.getLong(1), rs.getBytes(2), rs.getBytes(3)));
                }
            }
        }
    }

    static LogUnavailableException unavailable(SQLException e) {
        return new LogUnavailableException("The disclosure log cannot be read.", e);
    }
}
