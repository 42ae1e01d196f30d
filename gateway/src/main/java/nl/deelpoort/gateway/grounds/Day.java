package nl.deelpoort.gateway.grounds;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import nl.deelpoort.gateway.web.validation.InputRules;
import nl.deelpoort.gateway.web.validation.Values;
import nl.deelpoort.policy.Framework;

/**
 * A day of a ground, {@code yyyy-MM-dd}, between {@link #EARLIEST} and {@link #LATEST}: other years
 * are typing errors and would not fit the database or date arithmetic. A birth date ({@link
 * #birth()}) is not after today. Blank passes (use @NotBlank). Built by Spring, so "today" is the
 * gateway's clock, in {@link Framework#ZONE}. The {@code @Schema} is its wire form in the OpenAPI
 * document.
 */
@Schema(format = "date")
@Target({FIELD, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = Day.Validator.class)
@interface Day {

    LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    LocalDate LATEST = LocalDate.of(2999, 12, 31);

    boolean birth() default false;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<Day, String> {
        private final Clock clock;
        private boolean birth;

        Validator(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void initialize(Day annotation) {
            birth = annotation.birth();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            LocalDate day = Values.date(value).orElse(null);
            String problem = day == null
                    ? InputRules.DATE
                    : day.isBefore(EARLIEST) || day.isAfter(LATEST)
                            ? "must be a date between " + EARLIEST + " and " + LATEST
                            : birth && day.isAfter(LocalDate.now(clock.withZone(Framework.ZONE)))
                                    ? "must not be in the future"
                                    : null;
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }
    }
}
