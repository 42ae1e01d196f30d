package nl.deelpoort.casefile.stub;

import java.util.Optional;

/** The 11-check (elfproef) that every BSN passes; the stub answers only for numbers that could be real BSNs. */
final class Elfproef {

    private static final int[] WEIGHTS = {9, 8, 7, 6, 5, 4, 3, 2, -1};

    private Elfproef() {}

    static boolean isValid(String candidate) {
        if (candidate == null || candidate.length() != WEIGHTS.length || "000000000".equals(candidate)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            char c = candidate.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return sum % 11 == 0;
    }

    /**
     * Appends the check digit to eight leading digits; empty when no digit can make the number valid (the weighted sum
     * leaves remainder 10), in which case the caller picks other leading digits.
     */
    static Optional<String> complete(String firstEight) {
        if (firstEight.length() != WEIGHTS.length - 1 || !firstEight.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("expected eight digits");
        }
        int sum = 0;
        for (int i = 0; i < firstEight.length(); i++) {
            sum += (firstEight.charAt(i) - '0') * WEIGHTS[i];
        }
        int checkDigit = sum % 11;
        if (checkDigit == 10) {
            return Optional.empty();
        }
        String bsn = firstEight + checkDigit;
        return isValid(bsn) ? Optional.of(bsn) : Optional.empty();
    }
}
