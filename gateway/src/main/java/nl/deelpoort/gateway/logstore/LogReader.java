package nl.deelpoort.gateway.logstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.ledger.merkle.MerkleProofs;
import nl.deelpoort.ledger.merkle.SubtreeHashSource;
import nl.deelpoort.ledger.verify.ExportLine;
import nl.deelpoort.policy.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the stored log: entries, proofs from stored subtrees, checkpoints, the export stream. Inside a
 * transaction on the same DataSource (the checkpointer's, the integrity check's, the sequencer's) its
 * queries take part in it.
 */
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

    /** Hashes are sent as base64 (Jackson's encoding of {@code byte[]}), in RFC 9162 order. */
    record InclusionProof(long seq, long treeSize, byte[] leafHash, List<byte[]> hashes, byte[] rootHash) {}

    record ConsistencyProof(long from, long to, byte[] fromRootHash, byte[] toRootHash, List<byte[]> hashes) {}

    /** Receives export lines one by one, so the export never sits in memory as a whole. */
    @FunctionalInterface
    interface LineSink {
        void accept(ExportLine line) throws IOException;
    }

    private static final String ENTRY_COLUMNS = "seq, canonical, leaf_hash, requesting_organisation, holder, recipient";

    private static final String CHECKPOINTS = "SELECT tree_size, root_hash, signed_note, created_at FROM checkpoint";

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    /** A size the log is known to have reached; it never shrinks, so sizes up to it need no query. */
    private final AtomicLong knownSize = new AtomicLong();

    LogReader(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
    }

    long size() {
        return read(() -> jdbc.sql("SELECT coalesce(max(seq) + 1, 0) FROM log_entry")
                .query(Long.class)
                .single());
    }

    /** The log's size if {@code wanted} may exceed what is known, else the known size (saves a round trip). */
    private long sizeFor(long wanted) {
        long known = knownSize.get();
        return wanted <= known ? known : knownSize.accumulateAndGet(size(), Math::max);
    }

    Optional<StoredEntry> entry(long seq) {
        return read(() -> jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM log_entry WHERE seq = :seq")
                .param("seq", seq)
                .query(LogReader::entry)
                .optional());
    }

    /** Runs a ledger computation over the stored subtree hashes ({@link StoredHashes}). */
    <T> T fromStoredHashes(Function<SubtreeHashSource, T> computation) {
        return read(() -> StoredHashes.compute(jdbc, computation));
    }

    /** PATH(seq, D[treeSize]) and MTH(D[treeSize]) from stored hashes: two queries however large the log. */
    InclusionProof inclusionProof(long seq, long treeSize) {
        long size = sizeFor(treeSize);
        if (treeSize < 1 || treeSize > size) {
            throw InvalidRequestException.of("treeSize", "must be between 1 and the log's size, " + size);
        }
        if (seq < 0 || seq >= treeSize) {
            throw InvalidRequestException.of("seq", "must be below treeSize");
        }
        return fromStoredHashes(source -> new InclusionProof(
                seq,
                treeSize,
                source.hash(0, seq),
                MerkleProofs.inclusionProof(source, seq, treeSize),
                MerkleProofs.rootHash(source, treeSize)));
    }

    /**
     * PATH(seq, D[treeSize]) for each of {@code seqs}, in their order, from one query for all of them
     * (the paths of a page's entries share most of their upper hashes).
     */
    List<List<byte[]>> inclusionPaths(List<Long> seqs, long treeSize) {
        long size = sizeFor(treeSize);
        if (treeSize < 1 || treeSize > size) {
            throw InvalidRequestException.of("treeSize", "must be between 1 and the log's size, " + size);
        }
        for (long seq : seqs) {
            if (seq < 0 || seq >= treeSize) {
                throw InvalidRequestException.of("seq", "must be below treeSize");
            }
        }
        return fromStoredHashes(source -> seqs.stream()
                .map(seq -> MerkleProofs.inclusionProof(source, seq, treeSize))
                .toList());
    }

    /** PROOF(from, D[to]) and both roots from stored hashes. */
    ConsistencyProof consistencyProof(long from, long to) {
        long size = sizeFor(to);
        if (to < 0 || to > size) {
            throw InvalidRequestException.of("to", "must be between 0 and the log's size, " + size);
        }
        if (from < 0 || from > to) {
            throw InvalidRequestException.of("from", "must be between 0 and to");
        }
        return fromStoredHashes(source -> new ConsistencyProof(
                from,
                to,
                MerkleProofs.rootHash(source, from),
                MerkleProofs.rootHash(source, to),
                MerkleProofs.consistencyProof(source, from, to)));
    }

    byte[] rootHash(long treeSize) {
        return fromStoredHashes(source -> MerkleProofs.rootHash(source, treeSize));
    }

    Optional<StoredCheckpoint> latestCheckpoint() {
        return read(() -> jdbc.sql(CHECKPOINTS + " ORDER BY tree_size DESC LIMIT 1")
                .query(LogReader::checkpoint)
                .optional());
    }

    /** Every checkpoint, oldest first. */
    List<StoredCheckpoint> checkpoints() {
        return read(() -> jdbc.sql(CHECKPOINTS + " ORDER BY tree_size")
                .query(LogReader::checkpoint)
                .list());
    }

    private static StoredCheckpoint checkpoint(ResultSet rs, int row) throws SQLException {
        return new StoredCheckpoint(
                rs.getLong("tree_size"),
                rs.getBytes("root_hash"),
                rs.getString("signed_note"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    /**
     * Streams entries {@code fromSeq ≤ seq < toSeq} in seq order as the viewer may see them: in full
     * where {@link LogVisibility} says so, else as redacted leaves (seq and leaf hash). The canonical
     * bytes of a redacted entry are not even read.
     */
    void export(long fromSeq, long toSeq, Optional<OrganisationId> viewer, LineSink sink) throws IOException {
        JdbcClient.StatementSpec query = jdbc.sql("SELECT seq, leaf_hash, requesting_organisation, holder, recipient,"
                        + " CASE WHEN " + LogVisibility.VIEWER_SQL + " THEN canonical END AS canonical"
                        + " FROM log_entry WHERE seq >= :from AND seq < :to ORDER BY seq")
                .param("viewer", viewer.map(OrganisationId::value).orElse(null))
                .param("from", fromSeq)
                .param("to", toSeq);
        lines(
                query,
                sink,
                e -> e.canonical() != null && e.fullFor(viewer)
                        ? new ExportLine(e.seq(), e.canonical(), e.leafHash())
                        : ExportLine.redacted(e.seq(), e.leafHash()));
    }

    /** Streams entries {@code fromSeq ≤ seq < toSeq} in seq order, in full. */
    void entries(long fromSeq, long toSeq, LineSink sink) throws IOException {
        JdbcClient.StatementSpec query = jdbc.sql(
                        "SELECT " + ENTRY_COLUMNS + " FROM log_entry WHERE seq >= :from AND seq < :to ORDER BY seq")
                .param("from", fromSeq)
                .param("to", toSeq);
        lines(query, sink, e -> new ExportLine(e.seq(), e.canonical(), e.leafHash()));
    }

    /**
     * Through a server-side cursor: in a read-only transaction (or the one already open), so that
     * PostgreSQL honours the fetch size.
     */
    private void lines(JdbcClient.StatementSpec query, LineSink sink, Function<StoredEntry, ExportLine> line)
            throws IOException {
        try {
            read(() -> readOnly.execute(status -> {
                try (Stream<StoredEntry> rows = query.withFetchSize(2000).query(LogReader::entry).stream()) {
                    for (Iterator<StoredEntry> it = rows.iterator(); it.hasNext(); ) {
                        sink.accept(line.apply(it.next()));
                    }
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static StoredEntry entry(ResultSet rs, int row) throws SQLException {
        return new StoredEntry(
                rs.getLong("seq"),
                rs.getBytes("canonical"),
                rs.getBytes("leaf_hash"),
                rs.getString("requesting_organisation"),
                rs.getString("holder"),
                rs.getString("recipient"));
    }

    /** Runs a query; a database failure fails closed (503). */
    private static <T> T read(Supplier<T> query) {
        return LogUnavailableException.onDatabaseFailure("The disclosure log cannot be read.", query);
    }
}
