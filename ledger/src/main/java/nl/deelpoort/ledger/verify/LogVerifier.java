package nl.deelpoort.ledger.verify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import nl.deelpoort.ledger.LedgerFormatException;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import nl.deelpoort.ledger.merkle.CompactTree;
import nl.deelpoort.ledger.merkle.MerkleHash;

/**
 * Re-checks a log entry by entry, in seq order, without trusting anything the log computed: each
 * leaf hash is recomputed from the canonical bytes, the bytes must decode (strictly) and carry the
 * seq they are filed under, and the tree is rebuilt in O(log n) memory. Roots are kept for the tree
 * sizes named up front (the checkpoints to compare against). Used by the offline verifier and by
 * anything else that wants the same verdict (the gateway's integrity check).
 *
 * <p>A {@linkplain ExportLine#redacted() redacted} entry (leaf hash only) is checked for its seq and
 * the length of its leaf hash, and its leaf hash goes into the tree as given: whether it is right shows
 * only when the root is compared with a signed checkpoint. {@link #fullEntries()} and {@link
 * #redactedEntries()} say how many entries were checked each way.
 */
public final class LogVerifier {

    /** Largest subtree one worker of {@link #addAll} checks and hashes: 2^8 = 256 entries. */
    private static final int CHUNK_LEVEL = 8;

    private final CompactTree tree = new CompactTree();
    private final Map<Long, byte[]> roots = new HashMap<>();

    /** The sizes named up front, ascending, once each; {@link #nextSize} indexes the first not reached. */
    private final long[] sizes;

    private int nextSize;
    private long fullEntries;
    private long redactedEntries;

    /** @param checkpointSizes tree sizes whose roots {@link #rootAt} must be able to give */
    public LogVerifier(long... checkpointSizes) {
        for (long size : checkpointSizes) {
            roots.put(size, null);
        }
        sizes = roots.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        recordRoot();
    }

    /**
     * Checks the next entry, given in full.
     *
     * @throws LogVerificationException naming the entry and the problem; the verifier is then spent
     */
    public void add(long seq, byte[] canonical, byte[] leafHash) {
        String problem = problem(tree.size(), seq, canonical, leafHash);
        if (problem != null) {
            throw new LogVerificationException(tree.size(), problem);
        }
        append(leafHash, false);
    }

    /**
     * Checks the next entry, given as a redacted leaf: only its seq and the length of its leaf hash can
     * be checked; the leaf hash enters the tree as given.
     *
     * @throws LogVerificationException naming the entry and the problem; the verifier is then spent
     */
    public void addRedacted(long seq, byte[] leafHash) {
        String problem = redactedProblem(tree.size(), seq, leafHash);
        if (problem != null) {
            throw new LogVerificationException(tree.size(), problem);
        }
        append(leafHash, true);
    }

    /**
     * Checks the next entry, full or redacted.
     *
     * @throws LogVerificationException naming the entry and the problem; the verifier is then spent
     */
    public void add(ExportLine line) {
        if (line.redacted()) {
            addRedacted(line.seq(), line.leafHash());
        } else {
            add(line.seq(), line.canonical(), line.leafHash());
        }
    }

    /**
     * Checks the next entries, the per-entry work (hashing, decoding) spread over the available cores;
     * only the tree is built in order. Lines may be full or redacted. Reports the same first bad entry as
     * {@link #add(ExportLine)} one by one would.
     *
     * <p>The batch is cut into complete subtrees aligned to their size (at most {@value #CHUNK_LEVEL}
     * levels, and never across a tree size named in the constructor): each worker checks its entries
     * and hashes their subtree, so that the tree in order only folds one root per chunk instead of one
     * node per entry.
     *
     * @throws LogVerificationException naming the first bad entry and the problem
     */
    public void addAll(List<ExportLine> batch) {
        int n = batch.size();
        if (n == 0) {
            return;
        }
        long base = tree.size();
        ExportLine[] lines = batch.toArray(new ExportLine[0]);
        long[] chunkStart = new long[n];
        int[] chunkLevel = new int[n];
        int chunks = 0;
        long end = base + n;
        for (long p = base; p < end; chunks++) {
            long limit = end;
            for (int i = nextSize; i < sizes.length; i++) {
                if (sizes[i] > p) {
                    limit = Math.min(limit, sizes[i]);
                    break;
                }
            }
            int level = p == 0 ? CHUNK_LEVEL : Math.min(CHUNK_LEVEL, Long.numberOfTrailingZeros(p));
            while (p + (1L << level) > limit) {
                level--;
            }
            chunkStart[chunks] = p;
            chunkLevel[chunks] = level;
            p += 1L << level;
        }
        String[] problems = new String[n];
        byte[][] chunkRoots = new byte[chunks][];
        IntStream.range(0, chunks).parallel().forEach(k -> {
            int from = (int) (chunkStart[k] - base);
            int to = from + (1 << chunkLevel[k]);
            boolean good = true;
            for (int i = from; i < to; i++) {
                ExportLine line = lines[i];
                String problem = line.redacted()
                        ? redactedProblem(base + i, line.seq(), line.leafHashBytes())
                        : problem(base + i, line.seq(), line.canonicalBytes(), line.leafHashBytes());
                if (problem != null) {
                    problems[i] = problem;
                    good = false;
                }
            }
            if (good) {
                chunkRoots[k] = subtreeRoot(lines, from, to);
            }
        });
        for (int i = 0; i < n; i++) {
            if (problems[i] != null) {
                // As one by one: the entries before the first bad one are in the tree.
                for (int j = 0; j < i; j++) {
                    append(lines[j].leafHash(), lines[j].redacted());
                }
                throw new LogVerificationException(base + i, problems[i]);
            }
        }
        for (int k = 0; k < chunks; k++) {
            tree.addSubtree(chunkLevel[k], chunkRoots[k]);
            recordRoot();
        }
        for (ExportLine line : lines) {
            if (line.redacted()) {
                redactedEntries++;
            } else {
                fullEntries++;
            }
        }
    }

    /** MTH of the leaves {@code [from, to)} of the batch, a power of two of them, folded in one buffer. */
    private static byte[] subtreeRoot(ExportLine[] lines, int from, int to) {
        int width = to - from;
        if (width == 1) {
            return lines[from].leafHashBytes().clone();
        }
        byte[] level = new byte[width * MerkleHash.SIZE];
        for (int i = 0; i < width; i++) {
            System.arraycopy(lines[from + i].leafHashBytes(), 0, level, i * MerkleHash.SIZE, MerkleHash.SIZE);
        }
        for (; width > 1; width >>= 1) {
            for (int i = 0; i < width / 2; i++) {
                // Node i overwrites slot i only after reading slots 2i and 2i + 1 (both >= i).
                MerkleHash.nodeHash(
                        level, 2 * i * MerkleHash.SIZE, (2 * i + 1) * MerkleHash.SIZE, level, i * MerkleHash.SIZE);
            }
        }
        return java.util.Arrays.copyOf(level, MerkleHash.SIZE);
    }

    /** Null if a redacted entry is right at this position as far as can be seen, else what is wrong. */
    private static String redactedProblem(long expected, long seq, byte[] leafHash) {
        if (seq != expected) {
            return "expected seq " + expected + " next, found redacted seq " + seq
                    + ": an entry is missing, duplicated or out of order";
        }
        if (leafHash == null || leafHash.length != MerkleHash.SIZE) {
            return "leaf hash of the redacted entry is not 32 bytes";
        }
        return null;
    }

    /** Null if the entry is right at this position, else what is wrong with it. */
    private static String problem(long expected, long seq, byte[] canonical, byte[] leafHash) {
        if (seq != expected) {
            return "expected seq " + expected + " next, found seq " + seq
                    + ": an entry is missing, duplicated or out of order";
        }
        if (leafHash == null || leafHash.length != MerkleHash.SIZE) {
            return "leaf hash is not 32 bytes";
        }
        if (canonical == null) {
            return "canonical bytes are missing";
        }
        if (!MerkleHash.leafHashEquals(canonical, leafHash)) {
            return "leaf hash does not match the canonical bytes (entry altered)";
        }
        // The canonical form and the seq checked on the bytes; only a refusal decodes (for its message).
        if (LogEntryCodec.isCanonicalEntry(canonical, seq)) {
            return null;
        }
        LogEntry entry;
        try {
            entry = LogEntryCodec.decode(canonical);
        } catch (LedgerFormatException e) {
            return "canonical bytes do not decode: " + e.getMessage();
        }
        if (entry.seq() != seq) {
            return "canonical bytes carry seq " + entry.seq() + " (entry moved to another position)";
        }
        return null;
    }

    private void append(byte[] leafHash, boolean redacted) {
        tree.add(leafHash);
        if (redacted) {
            redactedEntries++;
        } else {
            fullEntries++;
        }
        recordRoot();
    }

    /** Keeps the root if the tree has reached the next size named up front (no boxing per entry). */
    private void recordRoot() {
        while (nextSize < sizes.length && sizes[nextSize] < tree.size()) {
            nextSize++;
        }
        if (nextSize < sizes.length && sizes[nextSize] == tree.size()) {
            roots.put(tree.size(), tree.root());
            nextSize++;
        }
    }

    /** Entries checked so far. */
    public long size() {
        return tree.size();
    }

    /** Entries checked so far in full: leaf hash recomputed, bytes decoded, seq compared. */
    public long fullEntries() {
        return fullEntries;
    }

    /** Entries checked so far as redacted leaves: seq and leaf-hash length only. */
    public long redactedEntries() {
        return redactedEntries;
    }

    /** MTH over the entries checked so far. */
    public byte[] root() {
        return tree.root();
    }

    /** The root at a size named in the constructor, or null if the log has not reached it. */
    public byte[] rootAt(long size) {
        if (!roots.containsKey(size)) {
            throw new IllegalArgumentException("size " + size + " was not named when the verifier was made");
        }
        byte[] r = roots.get(size);
        return r == null ? null : r.clone();
    }
}
