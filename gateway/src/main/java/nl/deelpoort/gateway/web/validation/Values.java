package nl.deelpoort.gateway.web.validation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/** Reads the text forms the constraints accept, so that a feature converts exactly what was validated. */
public final class Values {

    /** The UUID {@code value} names (36 characters, any case); empty when it names none. */
    public static Optional<UUID> uuid(String value) {
        if (value == null || value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The date {@code yyyy-MM-dd} that {@code value} names; empty when it names none. */
    public static Optional<LocalDate> date(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The constant of {@code type} named {@code value}; empty when it names none. */
    public static <E extends Enum<E>> Optional<E> constant(Class<E> type, String value) {
        for (E c : type.getEnumConstants()) {
            if (c.name().equals(value)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private Values() {}
}
