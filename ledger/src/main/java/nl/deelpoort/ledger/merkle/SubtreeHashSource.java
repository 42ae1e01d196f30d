package nl.deelpoort.ledger.merkle;

/**
 * Where proof generation reads hashes from: the complete, aligned subtrees {@code [index·2^level,
 * (index+1)·2^level)} that {@link CompactTree} reports as it grows. The gateway backs this with its
 * table of stored subtree hashes (level 0 may come from the leaf hashes of the entries); {@link
 * InMemorySubtreeStore} is the in-memory one. Incomplete subtrees on the right edge of a tree are never
 * asked for: {@link MerkleProofs} computes them from at most log₂ n complete ones.
 */
@FunctionalInterface
public interface SubtreeHashSource {

    /**
     * The hash of a complete subtree.
     *
     * @throws IllegalArgumentException if that subtree is not (yet) complete in the source
     */
    byte[] hash(int level, long index);
}
