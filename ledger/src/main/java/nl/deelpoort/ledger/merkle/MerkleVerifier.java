package nl.deelpoort.ledger.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Proof verification exactly as RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency) describe,
 * step by step. The only additions are the cases the RFC leaves to the caller for consistency: from
 * size 0 (always consistent, empty proof) and between equal sizes (empty proof, equal roots).
 */
public final class MerkleVerifier {

    private MerkleVerifier() {}

    /** §2.1.3.2: does {@code proof} show that {@code leafHash} is leaf {@code index} of the tree {@code root}? */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (!valid(leafHash) || !valid(root) || !validAll(proof)) {
            return false;
        }
        // 1. leaf_index must be below tree_size.
        if (index < 0 || index >= size) {
            return false;
        }
        // 2.
        long fn = index;
        long sn = size - 1;
        // 3.
        byte[] r = leafHash;
        // 4.
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = MerkleHash.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        // 5.
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /** §2.1.4.2: does {@code proof} show that the tree {@code secondRoot} extends {@code firstRoot}? */
    public static boolean verifyConsistency(
            long first, long second, List<byte[]> proof, byte[] firstRoot, byte[] secondRoot) {
        if (!valid(firstRoot) || !valid(secondRoot) || !validAll(proof)) {
            return false;
        }
        if (first < 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, MerkleHash.emptyRoot());
        }
        // 1.
        if (proof.isEmpty()) {
            return false;
        }
        // 2.
        List<byte[]> path = proof;
        if (Long.bitCount(first) == 1) {
            path = new ArrayList<>(proof.size() + 1);
            path.add(firstRoot);
            path.addAll(proof);
        }
        // 3.
        long fn = first - 1;
        long sn = second - 1;
        // 4.
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        // 5.
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        // 6.
        for (int i = 1; i < path.size(); i++) {
            byte[] c = path.get(i);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.nodeHash(c, fr);
                sr = MerkleHash.nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = MerkleHash.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        // 7.
        return MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot) && sn == 0;
    }

    private static boolean valid(byte[] hash) {
        return hash != null && hash.length == MerkleHash.SIZE;
    }

    private static boolean validAll(List<byte[]> proof) {
        if (proof == null) {
            return false;
        }
        for (byte[] p : proof) {
            if (!valid(p)) {
                return false;
            }
        }
        return true;
    }
}
