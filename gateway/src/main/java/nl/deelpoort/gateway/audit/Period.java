package nl.deelpoort.gateway.audit;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import nl.deelpoort.gateway.web.validation.InputRules;
import nl.deelpoort.policy.Framework;

/**
 * The period of an audit call: {@code from} and {@code to} each a date or a date-time with offset, and
 * {@code to} after {@code from}. A date is a whole day in Europe/Amsterdam: {@code from} its start,
 * {@code to} the start of the next day (so "to: 2026-03-31" includes the 31st); a date-time is taken as
 * is. An absent (or blank) bound passes; use {@code @NotBlank} where one is required.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = Period.Validator.class)
public @interface Period {

    String FORM = "must be a date (2026-03-31) or a date-time with offset (2026-03-31T10:00:00Z)";
    String ORDER = "must be after from";

    String message() default FORM;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A request with a period, as the client wrote it. */
    interface Bounds {
        String from();

        String to();

        default Optional<Instant> start() {
            return instant(from(), false);
        }

        default Optional<Instant> end() {
            return instant(to(), true);
        }

        /** The instant {@code raw} names (empty when absent or unreadable); a date as its start, or as its end. */
        static Optional<Instant> instant(String raw, boolean end) {
            if (raw == null || raw.isBlank()) {
                return Optional.empty();
            }
            String text = raw.strip();
            try {
                if (text.length() == 10) {
                    LocalDate day = LocalDate.parse(text);
                    return Optional.of((end ? day.plusDays(1) : day)
                            .atStartOfDay(Framework.ZONE)
                            .toInstant());
                }
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    /** Both bounds required: the query parameters of the statistics and of the Logboek export. */
    @Period
    record Closed(
            @NotBlank(message = InputRules.REQUIRED) String from,
            @NotBlank(message = InputRules.REQUIRED) String to) implements Bounds {}

    final class Validator implements ConstraintValidator<Period, Bounds> {
        @Override
        public boolean isValid(Bounds period, ConstraintValidatorContext context) {
            context.disableDefaultConstraintViolation();
            boolean valid = readable(period.from(), period.start(), "from", context)
                    & readable(period.to(), period.end(), "to", context);
            if (valid
                    && period.start().isPresent()
                    && period.end().isPresent()
                    && !period.end().get().isAfter(period.start().get())) {
                return refuse(context, "to", ORDER);
            }
            return valid;
        }

        private static boolean readable(
                String raw, Optional<Instant> read, String field, ConstraintValidatorContext context) {
            return raw == null || raw.isBlank() || read.isPresent() || refuse(context, field, FORM);
        }

        private static boolean refuse(ConstraintValidatorContext context, String field, String problem) {
            context.buildConstraintViolationWithTemplate(problem)
                    .addPropertyNode(field)
                    .addConstraintViolation();
            return false;
        }
    }
}
