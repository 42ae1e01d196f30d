package nl.deelpoort.gateway.logstore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.deelpoort.ledger.merkle.MerkleHash;
import nl.deelpoort.ledger.merkle.SubtreeHashSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * Runs a ledger computation ({@code MerkleProofs}, {@code CompactTree.restore}) over the subtree
 * hashes stored in the database with one query instead of one per hash. Which hashes those
 * computations ask for depends only on the sizes and indexes, never on the hash values, so a first
 * dry run with dummy hashes lists them, one query fetches them (level 0 from {@code log_entry}, the
 * others from {@code log_subtree}), and the second run gets the real ones.
 */
final class StoredHashes {

    private static final byte[] DUMMY = new byte[MerkleHash.SIZE];

    private static final String FETCH = """
            SELECT s.level, s.idx, s.hash
              FROM log_subtree s
              JOIN unnest(:levels::smallint[], :indexes::bigint[]) AS k(level, idx)
                ON s.level = k.level AND s.idx = k.idx
            UNION ALL
            SELECT 0, e.seq, e.leaf_hash FROM log_entry e WHERE e.seq = ANY (:leaves::bigint[])
            """;

    record Key(int level, long index) {}

    static <T> T compute(JdbcClient jdbc, Function<SubtreeHashSource, T> computation) {
        Set<Key> wanted = new LinkedHashSet<>();
        computation.apply((level, index) -> {
            wanted.add(new Key(level, index));
            return DUMMY;
        });
        Map<Key, byte[]> found = fetch(jdbc, wanted);
        return computation.apply((level, index) -> {
            byte[] h = found.get(new Key(level, index));
            if (h == null) {
                throw new IllegalArgumentException("no stored hash for subtree at level " + level + ", index " + index);
            }
            return h;
        });
    }

    private static Map<Key, byte[]> fetch(JdbcClient jdbc, Set<Key> keys) {
        Map<Key, byte[]> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        List<Short> levels = new ArrayList<>();
        List<Long> indexes = new ArrayList<>();
        List<Long> leaves = new ArrayList<>();
        for (Key k : keys) {
            if (k.level() == 0) {
                leaves.add(k.index());
            } else {
                levels.add((short) k.level());
                indexes.add(k.index());
            }
        }
        jdbc.sql(FETCH)
                .param("levels", new SqlArrayValue("smallint", levels.toArray()))
                .param("indexes", new SqlArrayValue("bigint", indexes.toArray()))
                .param("leaves", new SqlArrayValue("bigint", leaves.toArray()))
                .query(rs -> {
                    out.put(new Key(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
                });
        return out;
    }

    private StoredHashes() {}
}
