package nl.deelpoort.gateway.support;

import java.util.concurrent.ThreadLocalRandom;
import nl.deelpoort.policy.Bsn;

/** BSNs for tests: all integration tests share one database, so each scenario takes a fresh subject. */
public final class TestBsns {

    /** A random BSN in the 9-prefixed test range that passes the 11-check (its last digit is computed). */
    public static String freshBsn() {
        while (true) {
            StringBuilder sb = new StringBuilder("9");
            int sum = 9 * 9;
            for (int i = 1; i < 8; i++) {
                int d = ThreadLocalRandom.current().nextInt(10);
                sb.append(d);
                sum += (9 - i) * d;
            }
            int last = sum % 11;
            if (last < 10 && Bsn.isValid(sb.toString() + last)) {
                return sb.append(last).toString();
            }
        }
    }

    private TestBsns() {}
}
