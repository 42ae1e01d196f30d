package nl.deelpoort.policy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The stable id of an organisation in the framework, e.g. {@code gemeente-waalre}. Lower case
 * words separated by single hyphens, so that an id can be used unchanged in Keycloak, URLs and
 * log entries.
 */
public record OrganisationId(String value) implements Comparable<OrganisationId> {
    /** The rule as a regular expression; {@link #isValid} checks it by hand (every grounds row makes ids). */
    static final Pattern PATTERN = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final int MAX_LENGTH = 64;

    public OrganisationId {
        Objects.requireNonNull(value, "organisation id");
        if (!isValid(value)) {
            throw new IllegalArgumentException("organisation id must be lower-case words joined by '-' (at most "
                    + MAX_LENGTH + " characters): '" + value + "'");
        }
    }

    public static OrganisationId of(String value) {
        return new OrganisationId(value);
    }

    /** True when {@code value} would be accepted by the constructor. */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        boolean afterHyphen = true; // at the start, as after a hyphen, a word must begin
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '-') {
                if (afterHyphen) {
                    return false;
                }
                afterHyphen = true;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                afterHyphen = false;
            } else {
                return false;
            }
        }
        return !afterHyphen;
    }

    /**
     * Written out rather than the record's generated one (a method-handle chain that showed in the
     * decision profile); the same result: equal values.
     */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof OrganisationId id && value.equals(id.value);
    }

    /** The record's own hash of a single component, written out: {@code value.hashCode()}. */
    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public int compareTo(OrganisationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
