package nl.deelpoort.ledger.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only Merkle tree that keeps only its frontier: one hash per set bit of the size, the
 * roots of the complete subtrees the leaves so far form (O(log n) memory). Each append reports the
 * complete, aligned subtrees it finished, which is exactly what a {@link SubtreeHashSource} has to
 * store; {@link #root()} gives MTH of the current size. Not thread-safe: a log has one sequencer.
 */
public final class CompactTree {

    // frontier[level] is the hash of the complete subtree of 2^level leaves at that bit of size, or null.
    private final byte[][] frontier = new byte[64][];
    private long size;

    public CompactTree() {}

    /** Resumes a tree of the given size from stored subtree hashes (log₂ size lookups). */
    public static CompactTree restore(long size, SubtreeHashSource source) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        CompactTree tree = new CompactTree();
        for (int level = 0; level < 63; level++) {
            if (((size >>> level) & 1) != 0) {
                byte[] h = source.hash(level, (size >>> level) - 1);
                if (h == null || h.length != MerkleHash.SIZE) {
                    throw new IllegalArgumentException("source has no subtree at level " + level);
                }
                tree.frontier[level] = h.clone();
            }
        }
        tree.size = size;
        return tree;
    }

    /** A tree of the same size and frontier that appends independently of this one. */
    public CompactTree copy() {
        CompactTree copy = new CompactTree();
        System.arraycopy(frontier, 0, copy.frontier, 0, frontier.length); // hashes are never changed in place
        copy.size = size;
        return copy;
    }

    public long size() {
        return size;
    }

    /**
     * Appends a leaf hash and returns the subtrees this completed, smallest first: always the leaf
     * itself at level 0, then one per level the append carried into.
     */
    public List<Subtree> append(byte[] leafHash) {
        List<Subtree> completed = new ArrayList<>(4);
        completed.add(new Subtree(0, size, leafHash));
        byte[] h = leafHash;
        int level = 0;
        long index = size;
        while (((size >>> level) & 1) != 0) {
            h = MerkleHash.nodeHash(frontier[level], h);
            frontier[level] = null;
            level++;
            index >>>= 1;
            completed.add(new Subtree(level, index, h));
        }
        frontier[level] = h;
        size++;
        return completed;
    }

    /** Appends a leaf hash without reporting the completed subtrees (for verifiers). */
    public void add(byte[] leafHash) {
        if (leafHash.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("a leaf hash is 32 bytes");
        }
        byte[] h = leafHash;
        int level = 0;
        while (((size >>> level) & 1) != 0) {
            h = MerkleHash.nodeHash(frontier[level], h);
            frontier[level] = null;
            level++;
        }
        frontier[level] = h;
        size++;
    }

    /**
     * Appends the root of a complete subtree of {@code 2^level} leaves at once, as if its leaves had been
     * added one by one; the tree's size must be a multiple of {@code 2^level} (the subtree is aligned,
     * so it is a node of the tree). Lets a verifier hash the leaves of a batch in parallel and fold only
     * the batch's subtree roots in order.
     */
    public void addSubtree(int level, byte[] subtreeRoot) {
        if (level < 0 || level > 62 || subtreeRoot.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("a subtree root is 32 bytes at a level in 0..62");
        }
        if ((size & ((1L << level) - 1)) != 0) {
            throw new IllegalArgumentException("a subtree of 2^" + level + " leaves does not start at " + size);
        }
        byte[] h = subtreeRoot;
        int at = level;
        while (((size >>> at) & 1) != 0) {
            h = MerkleHash.nodeHash(frontier[at], h);
            frontier[at] = null;
            at++;
        }
        frontier[at] = h;
        size += 1L << level;
    }

    /** MTH(D[size]): the frontier folded from the smallest subtree to the largest. */
    public byte[] root() {
        byte[] r = null;
        for (byte[] h : frontier) {
            if (h != null) {
                r = r == null ? h : MerkleHash.nodeHash(h, r);
            }
        }
        return r == null ? MerkleHash.emptyRoot() : r.clone();
    }
}
