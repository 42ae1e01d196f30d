package nl.deelpoort.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final int N = 70;

    // The RFC 6962 reference test vectors (certificate-transparency merkle_tree_test): eight leaves
    // and the root of every prefix.
    private static final String[] LEAVES = {
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"
    };
    private static final String[] ROOTS = {
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
    };

    // ---- an independent, naive transcription of RFC 9162 §2.1 over a list of leaf hashes ----

    private static byte[] mth(List<byte[]> d) {
        if (d.isEmpty()) {
            return MerkleHash.sha256(new byte[0]);
        }
        if (d.size() == 1) {
            return d.get(0);
        }
        int k = largestPowerOfTwoBelow(d.size());
        return MerkleHash.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    private static List<byte[]> path(int m, List<byte[]> d) {
        List<byte[]> out = new ArrayList<>();
        if (d.size() > 1) {
            int k = largestPowerOfTwoBelow(d.size());
            if (m < k) {
                out.addAll(path(m, d.subList(0, k)));
                out.add(mth(d.subList(k, d.size())));
            } else {
                out.addAll(path(m - k, d.subList(k, d.size())));
                out.add(mth(d.subList(0, k)));
            }
        }
        return out;
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        List<byte[]> out = new ArrayList<>();
        int n = d.size();
        if (m == n) {
            if (!b) {
                out.add(mth(d));
            }
            return out;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, d.subList(k, n), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    // ---- helpers ----

    private static List<byte[]> leafHashes(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleHash.leafHash(("leaf " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    private static InMemorySubtreeStore store(List<byte[]> leaves) {
        InMemorySubtreeStore store = new InMemorySubtreeStore();
        leaves.forEach(store::append);
        return store;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    private static byte[] h(String hex) {
        return HEX.parseHex(hex);
    }

    // ---- RFC 6962 vectors ----

    @Test
    void rootsOfTheReferenceVectors() {
        assertThat(HEX.formatHex(MerkleHash.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        CompactTree tree = new CompactTree();
        assertThat(tree.root()).isEqualTo(MerkleHash.emptyRoot());
        for (int i = 0; i < LEAVES.length; i++) {
            tree.append(MerkleHash.leafHash(h(LEAVES[i])));
            assertThat(HEX.formatHex(tree.root())).as("root of size %d", i + 1).isEqualTo(ROOTS[i]);
        }
    }

    @Test
    void proofsOfTheReferenceVectors() {
        List<byte[]> leaves = new ArrayList<>();
        for (String leaf : LEAVES) {
            leaves.add(MerkleHash.leafHash(h(leaf)));
        }
        InMemorySubtreeStore store = store(leaves);
        List<byte[]> inclusion = MerkleProofs.inclusionProof(store, 5, 8);
        assertThat(hex(inclusion))
                .containsExactly(
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(MerkleVerifier.verifyInclusion(5, 8, leaves.get(5), inclusion, h(ROOTS[7])))
                .isTrue();
        assertThat(MerkleVerifier.verifyInclusion(4, 8, leaves.get(5), inclusion, h(ROOTS[7])))
                .isFalse();
        assertThat(hex(MerkleProofs.inclusionProof(store, 2, 3))).containsExactly(ROOTS[1]);

        List<byte[]> consistency = MerkleProofs.consistencyProof(store, 6, 8);
        assertThat(hex(consistency))
                .containsExactly(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(MerkleVerifier.verifyConsistency(6, 8, consistency, h(ROOTS[5]), h(ROOTS[7])))
                .isTrue();
        assertThat(MerkleVerifier.verifyConsistency(6, 8, consistency, h(ROOTS[4]), h(ROOTS[7])))
                .isFalse();
        assertThat(hex(MerkleProofs.consistencyProof(store, 2, 5)))
                .containsExactly(
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    // ---- against the naive transcription, every size, index and old size ----

    @Test
    void rootsMatchTheNaiveDefinitionForEverySize() {
        List<byte[]> leaves = leafHashes(N);
        InMemorySubtreeStore store = new InMemorySubtreeStore();
        for (int n = 1; n <= N; n++) {
            store.append(leaves.get(n - 1));
            byte[] expected = mth(leaves.subList(0, n));
            assertThat(store.root()).as("size %d", n).isEqualTo(expected);
            for (int size = 0; size <= n; size++) {
                assertThat(MerkleProofs.rootHash(store, size)).isEqualTo(mth(leaves.subList(0, size)));
            }
        }
    }

    @Test
    void inclusionProofsMatchTheNaiveDefinitionAndVerify() {
        List<byte[]> leaves = leafHashes(N);
        InMemorySubtreeStore store = store(leaves);
        for (int n = 1; n <= N; n++) {
            List<byte[]> d = leaves.subList(0, n);
            byte[] root = mth(d);
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = MerkleProofs.inclusionProof(store, m, n);
                assertThat(hex(proof)).as("PATH(%d, D[%d])", m, n).isEqualTo(hex(path(m, d)));
                assertThat(MerkleVerifier.verifyInclusion(m, n, leaves.get(m), proof, root))
                        .as("verify PATH(%d, D[%d])", m, n)
                        .isTrue();
                assertInclusionRefusesTampering(m, n, leaves, proof, root);
            }
        }
    }

    private static void assertInclusionRefusesTampering(
            int m, int n, List<byte[]> leaves, List<byte[]> proof, byte[] root) {
        String what = "PATH(" + m + ", D[" + n + "])";
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> bad = flipped(proof, i);
            assertThat(MerkleVerifier.verifyInclusion(m, n, leaves.get(m), bad, root))
                    .as("%s with hash %d flipped", what, i)
                    .isFalse();
        }
        assertThat(MerkleVerifier.verifyInclusion(m, n, flip(leaves.get(m)), proof, root))
                .as("%s with the leaf flipped", what)
                .isFalse();
        assertThat(MerkleVerifier.verifyInclusion(m, n, leaves.get(m), proof, flip(root)))
                .as("%s with the root flipped", what)
                .isFalse();
        for (int other = 0; other < n; other++) {
            if (other != m) {
                assertThat(MerkleVerifier.verifyInclusion(other, n, leaves.get(m), proof, root))
                        .as("%s at index %d", what, other)
                        .isFalse();
            }
        }
        // The size is bound by the signed checkpoint, not by the proof: a proof may also fit another
        // size whose tree has the same shape along the path. An index outside the size never passes.
        assertThat(MerkleVerifier.verifyInclusion(m, m, leaves.get(m), proof, root))
                .as("%s for size %d", what, m)
                .isFalse();
        if (!proof.isEmpty()) {
            assertThat(MerkleVerifier.verifyInclusion(m, n, leaves.get(m), proof.subList(0, proof.size() - 1), root))
                    .as("%s shortened", what)
                    .isFalse();
        }
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(root);
        assertThat(MerkleVerifier.verifyInclusion(m, n, leaves.get(m), longer, root))
                .as("%s lengthened", what)
                .isFalse();
    }

    @Test
    void consistencyProofsMatchTheNaiveDefinitionAndVerify() {
        List<byte[]> leaves = leafHashes(N);
        InMemorySubtreeStore store = store(leaves);
        for (int n = 1; n <= N; n++) {
            List<byte[]> d = leaves.subList(0, n);
            byte[] second = mth(d);
            for (int m = 0; m <= n; m++) {
                byte[] first = mth(leaves.subList(0, m));
                List<byte[]> proof = MerkleProofs.consistencyProof(store, m, n);
                List<byte[]> expected = m == 0 || m == n ? List.of() : subproof(m, d, true);
                assertThat(hex(proof)).as("PROOF(%d, D[%d])", m, n).isEqualTo(hex(expected));
                assertThat(MerkleVerifier.verifyConsistency(m, n, proof, first, second))
                        .as("verify PROOF(%d, D[%d])", m, n)
                        .isTrue();
                assertConsistencyRefusesTampering(m, n, proof, first, second);
            }
        }
    }

    private static void assertConsistencyRefusesTampering(
            int m, int n, List<byte[]> proof, byte[] first, byte[] second) {
        String what = "PROOF(" + m + ", D[" + n + "])";
        for (int i = 0; i < proof.size(); i++) {
            assertThat(MerkleVerifier.verifyConsistency(m, n, flipped(proof, i), first, second))
                    .as("%s with hash %d flipped", what, i)
                    .isFalse();
        }
        assertThat(MerkleVerifier.verifyConsistency(m, n, proof, flip(first), second))
                .as("%s with the first root flipped", what)
                .isFalse();
        // Every tree extends the empty one, so from size 0 any second root is consistent.
        assertThat(MerkleVerifier.verifyConsistency(m, n, proof, first, flip(second)))
                .as("%s with the second root flipped", what)
                .isEqualTo(m == 0);
        for (int otherM = 1; otherM <= n; otherM++) {
            if (otherM != m) {
                assertThat(MerkleVerifier.verifyConsistency(otherM, n, proof, first, second))
                        .as("%s claimed for first size %d", what, otherM)
                        .isFalse();
            }
        }
        // As for inclusion, the second size is bound by its signed checkpoint; a proof can fit another
        // second size of the same shape, so only a second size below the first is checked here.
        if (m > 1) {
            assertThat(MerkleVerifier.verifyConsistency(m, m - 1, proof, first, second))
                    .as("%s claimed for second size %d", what, m - 1)
                    .isFalse();
        }
        assertThat(MerkleVerifier.verifyConsistency(n, m, proof, second, first))
                .as("%s backwards", what)
                .isEqualTo(m == n);
        if (!proof.isEmpty()) {
            assertThat(MerkleVerifier.verifyConsistency(m, n, proof.subList(0, proof.size() - 1), first, second))
                    .as("%s shortened", what)
                    .isFalse();
        }
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(second);
        assertThat(MerkleVerifier.verifyConsistency(m, n, longer, first, second))
                .as("%s lengthened", what)
                .isFalse();
    }

    // ---- the compact tree and the subtrees it reports ----

    @Test
    void appendReportsExactlyTheCompletedAlignedSubtrees() {
        List<byte[]> leaves = leafHashes(N);
        CompactTree tree = new CompactTree();
        List<Subtree> reported = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            List<Subtree> completed = tree.append(leaves.get(i));
            assertThat(completed.get(0)).isEqualTo(new Subtree(0, i, leaves.get(i)));
            // After leaf i, the subtrees ending at i+1 are complete: one per trailing one-bit of i, plus the leaf.
            assertThat(completed).hasSize(Integer.numberOfTrailingZeros(~i) + 1);
            reported.addAll(completed);
        }
        for (Subtree s : reported) {
            assertThat(s.hash()).as("%s", s).isEqualTo(mth(leaves.subList((int) s.start(), (int) s.end())));
        }
        // Every complete aligned subtree of N leaves, and nothing else.
        int expected = 0;
        for (int level = 0; (1 << level) <= N; level++) {
            expected += N >> level;
        }
        assertThat(reported).hasSize(expected);
    }

    @Test
    void restoresFromStoredSubtreesAndGoesOn() {
        List<byte[]> leaves = leafHashes(N);
        InMemorySubtreeStore store = store(leaves.subList(0, 45));
        CompactTree resumed = CompactTree.restore(45, store);
        assertThat(resumed.size()).isEqualTo(45);
        assertThat(resumed.root()).isEqualTo(mth(leaves.subList(0, 45)));
        for (int i = 45; i < N; i++) {
            resumed.append(leaves.get(i));
        }
        assertThat(resumed.root()).isEqualTo(mth(leaves));
        assertThat(CompactTree.restore(0, store).root()).isEqualTo(MerkleHash.emptyRoot());
    }

    /** A copy goes on from the same frontier; appending to either leaves the other as it was. */
    @Test
    void aCopyAppendsIndependently() {
        List<byte[]> leaves = leafHashes(N);
        CompactTree tree = new CompactTree();
        for (int i = 0; i < 45; i++) {
            tree.append(leaves.get(i));
        }
        CompactTree copy = tree.copy();
        for (int i = 45; i < N; i++) {
            tree.append(leaves.get(i));
        }
        assertThat(copy.size()).isEqualTo(45);
        assertThat(copy.root()).isEqualTo(mth(leaves.subList(0, 45)));
        List<byte[]> other = leafHashes(N + 7).subList(N, N + 7);
        other.forEach(copy::add);
        assertThat(tree.root()).isEqualTo(mth(leaves));
        List<byte[]> forked = new ArrayList<>(leaves.subList(0, 45));
        forked.addAll(other);
        assertThat(copy.root()).isEqualTo(mth(forked));
    }

    @Test
    void aProofNeedsLogarithmicallyManyLookups() {
        InMemorySubtreeStore store = store(leafHashes(1000));
        int[] lookups = {0};
        SubtreeHashSource counting = (level, index) -> {
            lookups[0]++;
            return store.hash(level, index);
        };
        for (long m = 0; m < 999; m += 37) {
            lookups[0] = 0;
            MerkleProofs.inclusionProof(counting, m, 999);
            assertThat(lookups[0]).as("inclusion of %d", m).isLessThanOrEqualTo(2 * 10);
            lookups[0] = 0;
            MerkleProofs.consistencyProof(counting, m + 1, 999);
            assertThat(lookups[0]).as("consistency from %d", m + 1).isLessThanOrEqualTo(3 * 10);
        }
    }

    /** An aligned subtree's root added at once gives the tree of its leaves added one by one. */
    @Test
    void aSubtreeAddedAtOnceIsItsLeavesAddedOneByOne() {
        List<byte[]> leaves = leafHashes(N);
        // 3 leaves, then subtrees of 1, 4 (at 4), 8 (at 8), 16 (at 16), 32 (at 32), then 6 single leaves.
        CompactTree tree = new CompactTree();
        int at = 0;
        for (; at < 3; at++) {
            tree.add(leaves.get(at));
        }
        int[] levels = {0, 2, 3, 4, 5};
        for (int level : levels) {
            tree.addSubtree(level, mth(leaves.subList(at, at + (1 << level))));
            at += 1 << level;
            assertThat(tree.size()).isEqualTo(at);
            assertThat(tree.root()).isEqualTo(mth(leaves.subList(0, at)));
        }
        for (; at < N; at++) {
            tree.add(leaves.get(at));
        }
        assertThat(tree.root()).isEqualTo(mth(leaves));
        CompactTree odd = new CompactTree();
        odd.add(leaves.get(0));
        assertThatThrownBy(() -> odd.addSubtree(1, mth(leaves.subList(1, 3))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> odd.addSubtree(0, new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesWhatIsNotThere() {
        InMemorySubtreeStore store = store(leafHashes(5));
        assertThatThrownBy(() -> MerkleProofs.inclusionProof(store, 5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.inclusionProof(store, 0, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.consistencyProof(store, 6, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.hash(2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CompactTree().add(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThat(MerkleVerifier.verifyInclusion(0, 1, new byte[31], List.of(), new byte[32]))
                .isFalse();
    }

    private static List<byte[]> flipped(List<byte[]> proof, int i) {
        List<byte[]> bad = new ArrayList<>(proof);
        bad.set(i, flip(proof.get(i)));
        return bad;
    }

    private static byte[] flip(byte[] hash) {
        byte[] copy = hash.clone();
        copy[copy.length - 1] ^= 1;
        return copy;
    }
}
