package nl.deelpoort.gateway.support;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import nl.deelpoort.policy.Bsn;

/**
 * BSNs for tests: all integration tests share one database, so each scenario takes a fresh subject.
 *
 * <p>Fresh means never handed out before in this test run: the first eight digits count up from a
 * random start in the 9-prefixed test range (the ninth is the 11-check digit; a prefix without one is
 * skipped). Random BSNs collided: the fault and load tests push and pull tens of thousands of subjects,
 * and a scenario that drew one of theirs found a second disclosure it had not made.
 */
public final class TestBsns {

    /** Prefixes 90000000–98999999: below the fixed demo and fixture BSNs (999…) in this range. */
    private static final int FIRST = 90_000_000;

    private static final int LAST = 98_999_999;

    private static final AtomicInteger NEXT =
            new AtomicInteger(FIRST + ThreadLocalRandom.current().nextInt(4_000_000));

    /** A BSN that passes the 11-check and that no other caller of this method got in this JVM. */
    public static String freshBsn() {
        while (true) {
            int prefix = NEXT.getAndIncrement();
            if (prefix > LAST) {
                throw new IllegalStateException("test BSN range exhausted");
            }
            String digits = Integer.toString(prefix);
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (9 - i) * (digits.charAt(i) - '0');
            }
            int last = sum % 11;
            String bsn = digits + last;
            if (last < 10 && Bsn.isValid(bsn)) {
                return bsn;
            }
        }
    }

    private TestBsns() {}
}
