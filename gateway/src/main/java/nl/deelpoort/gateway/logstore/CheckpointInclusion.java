package nl.deelpoort.gateway.logstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.deelpoort.ledger.LedgerFormatException;
import nl.deelpoort.ledger.merkle.MerkleHash;
import nl.deelpoort.ledger.merkle.MerkleVerifier;
import nl.deelpoort.ledger.note.Checkpoint;
import nl.deelpoort.ledger.note.NoteVerificationException;
import nl.deelpoort.ledger.note.NoteVerifier;

/**
 * Whether entries are included in the latest signed checkpoint, for features that show entries to
 * auditors. The checkpoint's signature is checked first, the leaf hash is recomputed from the
 * canonical bytes (not taken from the stored column) and the proof comes from the stored subtrees,
 * exactly as {@code GET /api/v1/log/entries/{seq}/inclusion-proof} serves it.
 */
public final class CheckpointInclusion {

    /**
     * The latest checkpoint as read; {@code signatureValid} false means nothing can be verified against it.
     *
     * @param createdAt when the gateway signed it
     */
    public record Snapshot(long treeSize, byte[] rootHash, boolean signatureValid, Instant createdAt) {}

    private final LogReader reader;
    private final NoteVerifier verifier;

    CheckpointInclusion(LogReader reader, NoteVerifier verifier) {
        this.reader = reader;
        this.verifier = verifier;
    }

    /** The latest stored checkpoint, its signature checked; empty before the first one is signed. */
    public Optional<Snapshot> latest() {
        return reader.latestCheckpoint().map(stored -> {
            try {
                Checkpoint c = Checkpoint.open(stored.signedNote(), verifier);
                return new Snapshot(c.size(), c.rootHash(), c.size() == stored.treeSize(), stored.createdAt());
            } catch (NoteVerificationException | LedgerFormatException e) {
                return new Snapshot(stored.treeSize(), stored.rootHash(), false, stored.createdAt());
            }
        });
    }

    /** An entry to check: its seq and the canonical bytes its leaf hash is recomputed from. */
    public record Leaf(long seq, byte[] canonical) {}

    /**
     * {@link #verifies} for several entries at once, answers in their order, with the proofs of all
     * of them read in one query rather than one each.
     *
     * @throws IllegalArgumentException if an entry is newer than the checkpoint
     */
    public List<Boolean> verifiesAll(Snapshot checkpoint, List<Leaf> leaves) {
        for (Leaf leaf : leaves) {
            if (leaf.seq() < 0 || leaf.seq() >= checkpoint.treeSize()) {
                throw new IllegalArgumentException(
                        "entry " + leaf.seq() + " is not covered by a tree of size " + checkpoint.treeSize());
            }
        }
        if (!checkpoint.signatureValid() || leaves.isEmpty()) {
            return leaves.stream().map(leaf -> false).toList();
        }
        List<List<byte[]>> paths =
                reader.inclusionPaths(leaves.stream().map(Leaf::seq).toList(), checkpoint.treeSize());
        List<Boolean> verified = new ArrayList<>(leaves.size());
        for (int i = 0; i < leaves.size(); i++) {
            Leaf leaf = leaves.get(i);
            verified.add(MerkleVerifier.verifyInclusion(
                    leaf.seq(),
                    checkpoint.treeSize(),
                    MerkleHash.leafHash(leaf.canonical()),
                    paths.get(i),
                    checkpoint.rootHash()));
        }
        return verified;
    }

    /**
     * Whether the entry at {@code seq} with these canonical bytes is in the checkpoint's tree.
     *
     * @throws IllegalArgumentException if the entry is newer than the checkpoint (there is no proof to check)
     */
    public boolean verifies(Snapshot checkpoint, long seq, byte[] canonical) {
        if (seq < 0 || seq >= checkpoint.treeSize()) {
            throw new IllegalArgumentException(
                    "entry " + seq + " is not covered by a tree of size " + checkpoint.treeSize());
        }
        if (!checkpoint.signatureValid()) {
            return false;
        }
        LogReader.InclusionProof proof = reader.inclusionProof(seq, checkpoint.treeSize());
        return MerkleVerifier.verifyInclusion(
                seq, checkpoint.treeSize(), MerkleHash.leafHash(canonical), proof.hashes(), checkpoint.rootHash());
    }
}
