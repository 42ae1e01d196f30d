package nl.deelpoort.gateway.logstore;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import nl.deelpoort.ledger.EntryField;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import nl.deelpoort.ledger.merkle.MerkleHash;
import org.postgresql.PGConnection;

/**
 * The bulk-insert baseline of LogstoreBenchmark: the rows the sequencer writes (canonical bytes, leaf
 * hash and log_entry's search columns, registered_at included), inserted by one writer in one
 * transaction into {@code bench_plain} (log_entry's columns and indexes, identity seq), without the
 * sequencer's lock, seq, subtrees or Merkle tree. Each row is encoded and hashed by the writer itself,
 * as the sequencer must do for its rows.
 */
final class BenchRows {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** log_entry's columns apart from seq (bench_plain's seq is an identity column). */
    private static final List<EntryField> COLUMNS = Arrays.stream(EntryField.values())
            .filter(f -> f.column() != null && f != EntryField.SEQ)
            .toList();

    private static final String COLUMN_LIST = "canonical, leaf_hash, "
            + String.join(", ", COLUMNS.stream().map(EntryField::column).toList());

    private static final String INSERT = "INSERT INTO bench_plain (" + COLUMN_LIST
            + ") SELECT * FROM unnest(?::bytea[], ?::bytea[], "
            + String.join(
                    ", ",
                    COLUMNS.stream()
                            .map(f -> "?::" + LogSequencer.sqlType(f) + "[]")
                            .toList()) + ")";

    private static final String COPY = "COPY bench_plain (" + COLUMN_LIST + ") FROM STDIN (FORMAT binary)";

    private BenchRows() {}

    /** One transaction: {@code n} rows as one multi-row INSERT … SELECT FROM unnest(one array per column). */
    static void insert(DataSource ds, int n) throws SQLException {
        LogEntry[] entries = new LogEntry[n];
        byte[][] canonical = new byte[n][];
        byte[][] leaf = new byte[n][];
        rows(entries, canonical, leaf);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setArray(1, c.createArrayOf("bytea", canonical));
                ps.setArray(2, c.createArrayOf("bytea", leaf));
                int i = 3;
                for (EntryField f : COLUMNS) {
                    Object[] values = new Object[n];
                    for (int r = 0; r < n; r++) {
                        values[r] = f.json(entries[r]);
                    }
                    Array array = c.createArrayOf(LogSequencer.sqlType(f), values);
                    ps.setArray(i++, array);
                }
                ps.executeUpdate();
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** One transaction: {@code n} rows as one binary COPY. */
    static void copy(DataSource ds, int n) throws SQLException, IOException {
        LogEntry[] entries = new LogEntry[n];
        byte[][] canonical = new byte[n][];
        byte[][] leaf = new byte[n][];
        rows(entries, canonical, leaf);
        ByteArrayOutputStream buf = new ByteArrayOutputStream(n * 1400);
        DataOutputStream out = new DataOutputStream(buf);
        out.write("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeInt(0);
        out.writeInt(0);
        for (int r = 0; r < n; r++) {
            out.writeShort(2 + COLUMNS.size());
            bytes(out, canonical[r]);
            bytes(out, leaf[r]);
            LogEntry e = entries[r];
            for (EntryField f : COLUMNS) {
                Object v = f.json(e);
                if (v == null) {
                    out.writeInt(-1);
                    continue;
                }
                switch (f.type()) {
                    case TEXT, KIND -> bytes(out, ((String) v).getBytes(StandardCharsets.UTF_8));
                    case BOOLEAN -> {
                        out.writeInt(1);
                        out.writeByte((Boolean) v ? 1 : 0);
                    }
                    case INTEGER -> {
                        out.writeInt(8);
                        out.writeLong(((Number) v).longValue());
                    }
                    case TIME -> {
                        out.writeInt(8);
                        out.writeLong(ChronoUnit.MICROS.between(PG_EPOCH, e.registeredAt()));
                    }
                    case DATE -> {
                        out.writeInt(4);
                        out.writeInt((int) (LocalDate.parse((String) v).toEpochDay() - PG_EPOCH_DAY));
                    }
                    default -> throw new IllegalStateException("no column type for " + f);
                }
            }
        }
        out.writeShort(-1);
        out.flush();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                byte[] data = buf.toByteArray();
                c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new java.io.ByteArrayInputStream(data));
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static final Instant PG_EPOCH = Instant.parse("2000-01-01T00:00:00Z");
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static void rows(LogEntry[] entries, byte[][] canonical, byte[][] leaf) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int r = 0; r < entries.length; r++) {
            entries[r] = LogstoreBenchmark.typical().sequenced(0, now, LogEntry.newSalt(RANDOM));
            canonical[r] = LogEntryCodec.encode(entries[r]);
            leaf[r] = MerkleHash.leafHash(canonical[r]);
        }
    }
}
