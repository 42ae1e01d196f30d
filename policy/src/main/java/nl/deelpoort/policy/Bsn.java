package nl.deelpoort.policy;

import java.util.Objects;

/**
 * A burgerservicenummer: nine digits that pass the 11-check (weights 9..2 and -1, the sum a
 * non-zero multiple of 11). {@link #toString()} never shows the number, so a BSN that slips into
 * a log line or an exception message does not leak; use {@link #value()} where the number itself
 * is needed.
 */
public record Bsn(String value) {
    public Bsn {
        Objects.requireNonNull(value, "bsn");
        if (!isValid(value)) {
            // The rejected input is deliberately not echoed: it may be a real BSN with a typo.
            throw new IllegalArgumentException("not a valid BSN: nine digits passing the 11-check are required");
        }
    }

    public static Bsn of(String value) {
        return new Bsn(value);
    }

    /** True when {@code value} is nine digits and passes the 11-check. */
    public static boolean isValid(String value) {
        if (value == null || value.length() != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int weight = i == 8 ? -1 : 9 - i;
            sum += weight * (c - '0');
        }
        return sum != 0 && sum % 11 == 0;
    }

    @Override
    public String toString() {
        return "Bsn[*********]";
    }
}
