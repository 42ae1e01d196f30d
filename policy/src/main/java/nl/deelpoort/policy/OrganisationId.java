package nl.deelpoort.policy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The stable id of an organisation in the framework, e.g. {@code gemeente-waalre}. Lower case
 * words separated by single hyphens, so that an id can be used unchanged in Keycloak, URLs and
 * log entries.
 */
public record OrganisationId(String value) implements Comparable<OrganisationId> {
    private static final Pattern PATTERN = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_LENGTH = 64;

    public OrganisationId {
        Objects.requireNonNull(value, "organisation id");
        if (value.length() > MAX_LENGTH || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("organisation id must be lower-case words joined by '-' (at most "
                    + MAX_LENGTH + " characters): '" + value + "'");
        }
    }

    public static OrganisationId of(String value) {
        return new OrganisationId(value);
    }

    /** True when {@code value} would be accepted by the constructor. */
    public static boolean isValid(String value) {
        return value != null
                && value.length() <= MAX_LENGTH
                && PATTERN.matcher(value).matches();
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
