package nl.deelpoort.gateway.audit;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * How finely statistics over time cut their period: per day up to a month, per week (from Monday)
 * up to half a year, per month up to three years, per year beyond, so that a chart has a readable
 * number of bars. Intervals start where PostgreSQL's {@code date_trunc} puts them, on local time in
 * Europe/Amsterdam.
 */
enum Granularity {
    DAY,
    WEEK,
    MONTH,
    YEAR;

    static Granularity of(Instant from, Instant to) {
        long days = Duration.between(from, to).toDays();
        if (days <= 31) {
            return DAY;
        }
        if (days <= 183) {
            return WEEK;
        }
        return days <= 3 * 366 ? MONTH : YEAR;
    }

    /** The unit's name for {@code date_trunc}. */
    String sqlUnit() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The start of the interval holding {@code t}, as {@code date_trunc} gives it. */
    LocalDateTime start(LocalDateTime t) {
        LocalDateTime day = t.truncatedTo(ChronoUnit.DAYS);
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The start of the interval after the one starting at {@code start}. */
    LocalDateTime next(LocalDateTime start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case YEAR -> start.plusYears(1);
        };
    }
}
