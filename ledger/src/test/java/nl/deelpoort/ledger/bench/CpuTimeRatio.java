package nl.deelpoort.ledger.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.util.Arrays;
import nl.deelpoort.ledger.LogEntryCodec;
import nl.deelpoort.ledger.TestEntries;
import nl.deelpoort.ledger.merkle.MerkleHash;
import nl.deelpoort.ledger.verify.LogVerifier;

/**
 * A check of the one-thread ratio that depends less on the machine's load than JMH's wall-clock
 * single shots: raw SHA-256 over every entry's canonical bytes and the one-thread verifier, in
 * alternating rounds in one JVM, each timed by the thread's CPU time; prints the medians and their
 * ratio. Uses only the public API, so the same file compiles against an older build for a
 * before/after comparison (docs/benchmarks/ledger.md, "Session 7"). Arguments: entries, rounds, warm-up rounds (default 5).
 */
public class CpuTimeRatio {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        byte[][] c = new byte[n][];
        byte[][] h = new byte[n][];
        for (int i = 0; i < n; i++) {
            c[i] = LogEntryCodec.encode(TestEntries.typical(i));
            h[i] = MerkleHash.leafHash(c[i]);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] base = new long[rounds];
        long[] ver = new long[rounds];
        long sink = 0;
        for (int r = 0; r < rounds + warmup; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < n; i++) {
                sink += md.digest(c[i])[0];
            }
            long t1 = mx.getCurrentThreadCpuTime();
            LogVerifier v = new LogVerifier(n);
            for (int i = 0; i < n; i++) {
                v.add(i, c[i], h[i]);
            }
            sink += v.rootAt(n)[0];
            long t2 = mx.getCurrentThreadCpuTime();
            if (r >= warmup) {
                base[r - warmup] = t1 - t0;
                ver[r - warmup] = t2 - t1;
            }
        }
        Arrays.sort(base);
        Arrays.sort(ver);
        double b = base[rounds / 2] / 1e6, v = ver[rounds / 2] / 1e6;
        System.out.printf(
                "median CPU ms: sha256Baseline %.1f, verifyOneThread %.1f, ratio %.3f (sink %d)%n", b, v, b / v, sink);
    }
}
