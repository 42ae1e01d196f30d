package nl.deelpoort.ledger.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link SubtreeHashSource} kept in memory: every complete aligned subtree, level by level, in flat
 * arrays (about 64 bytes per leaf in all). For tests, benchmarks and tools; the gateway keeps the
 * same rows in its database.
 */
public final class InMemorySubtreeStore implements SubtreeHashSource {

    private final CompactTree tree = new CompactTree();
    private final List<Level> levels = new ArrayList<>();

    /** Appends a leaf hash and returns the subtrees it completed, as {@link CompactTree#append}. */
    public List<Subtree> append(byte[] leafHash) {
        List<Subtree> completed = tree.append(leafHash);
        for (Subtree s : completed) {
            while (levels.size() <= s.level()) {
                levels.add(new Level());
            }
            levels.get(s.level()).add(s.index(), s.hash());
        }
        return completed;
    }

    public long size() {
        return tree.size();
    }

    public byte[] root() {
        return tree.root();
    }

    @Override
    public byte[] hash(int level, long index) {
        if (level < 0 || level >= levels.size() || index < 0 || index >= levels.get(level).count) {
            throw new IllegalArgumentException("no complete subtree at level " + level + ", index " + index);
        }
        return levels.get(level).get(index);
    }

    private static final class Level {
        private byte[] hashes = new byte[MerkleHash.SIZE * 16];
        private long count;

        void add(long index, byte[] hash) {
            if (index != count) {
                throw new IllegalStateException("subtrees must arrive in order");
            }
            long needed = (count + 1) * MerkleHash.SIZE;
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("in-memory store is full");
            }
            if (needed > hashes.length) {
                hashes = Arrays.copyOf(
                        hashes, (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(needed, 2L * hashes.length)));
            }
            System.arraycopy(hash, 0, hashes, (int) (count * MerkleHash.SIZE), MerkleHash.SIZE);
            count++;
        }

        byte[] get(long index) {
            int off = (int) (index * MerkleHash.SIZE);
            return Arrays.copyOfRange(hashes, off, off + MerkleHash.SIZE);
        }
    }
}
