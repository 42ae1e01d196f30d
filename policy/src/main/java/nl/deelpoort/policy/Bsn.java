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

    /**
     * True when the text holds something that reads as a BSN: nine digits passing the 11-check,
     * written together or split by single spaces, dots or dashes ("999993653", "9999.93.653",
     * "999-99-3653"). Digit runs longer than nine are checked at every nine-digit window, so a BSN
     * glued to other digits is found too. Free text that ends up in the append-only log is refused
     * when this holds, since a BSN written there could never be removed.
     */
    public static boolean appearsIn(String text) {
        if (text == null) {
            return false;
        }
        StringBuilder run = new StringBuilder();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                run.append(c);
                continue;
            }
            boolean separatorInRun = (c == ' ' || c == '.' || c == '-' || c == '\u00a0')
                    && run.length() > 0
                    && i + 1 < n
                    && isDigit(text.charAt(i + 1));
            if (!separatorInRun) {
                if (windowPasses(run)) {
                    return true;
                }
                run.setLength(0);
            }
        }
        return windowPasses(run);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean windowPasses(CharSequence digits) {
        for (int start = 0; start + 9 <= digits.length(); start++) {
            if (isValid(digits.subSequence(start, start + 9).toString())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "Bsn[*********]";
    }
}
