package nl.deelpoort.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import nl.deelpoort.policy.Framework;
import org.junit.jupiter.api.Test;

class IntervalsTest {

    private static Instant day(String date) {
        return LocalDate.parse(date).atStartOfDay(Framework.ZONE).toInstant();
    }

    @Test
    void thePeriodsLengthChoosesHowFinelyItIsCut() {
        assertThat(Granularity.of(day("2026-11-01"), day("2026-12-01"))).isEqualTo(Granularity.DAY);
        assertThat(Granularity.of(day("2026-09-03"), day("2026-12-02"))).isEqualTo(Granularity.WEEK);
        assertThat(Granularity.of(day("2026-01-01"), day("2027-01-01"))).isEqualTo(Granularity.MONTH);
        assertThat(Granularity.of(day("2020-01-01"), day("2027-01-01"))).isEqualTo(Granularity.YEAR);
    }

    @Test
    void intervalsStartWhereDateTruncPutsThem() {
        LocalDateTime thursday = LocalDateTime.parse("2026-09-03T15:20");
        assertThat(Granularity.WEEK.start(thursday)).isEqualTo(LocalDateTime.parse("2026-08-31T00:00"));
        assertThat(Granularity.MONTH.start(thursday)).isEqualTo(LocalDateTime.parse("2026-09-01T00:00"));
        assertThat(Granularity.YEAR.start(thursday)).isEqualTo(LocalDateTime.parse("2026-01-01T00:00"));
        assertThat(Granularity.DAY.next(LocalDateTime.parse("2026-10-25T00:00")))
                .as("the night the clocks go back is one day too")
                .isEqualTo(LocalDateTime.parse("2026-10-26T00:00"));
    }

    @Test
    void everyIntervalIsThereCutToThePeriodWithItsCounts() {
        // 90 days from Thursday 3 September: weeks, the first from Thursday, the last up to 2 December.
        Instant from = day("2026-09-03");
        Instant to = day("2026-12-02");
        List<AuditQueries.TimeCount> counts = List.of(
                new AuditQueries.TimeCount(LocalDateTime.parse("2026-08-31T00:00"), "EVALUATION", "DENY", 2),
                new AuditQueries.TimeCount(LocalDateTime.parse("2026-08-31T00:00"), "DISCLOSURE", "DENY", 1),
                new AuditQueries.TimeCount(LocalDateTime.parse("2026-08-31T00:00"), "EVALUATION", "PERMIT", 4),
                new AuditQueries.TimeCount(LocalDateTime.parse("2026-11-30T00:00"), "OVERRIDE_DECLARED", null, 3));
        Audits.OverTime t = Intervals.of(from, to, Granularity.WEEK, counts);
        assertThat(t.unit()).isEqualTo("WEEK");
        assertThat(t.intervals()).hasSize(14);
        Audits.Interval first = t.intervals().get(0);
        assertThat(first.from()).isEqualTo(from);
        assertThat(first.to()).isEqualTo(day("2026-09-07"));
        assertThat(first.byDecision())
                .containsExactly(Map.entry("PERMIT", 4L), Map.entry("PARTIAL", 0L), Map.entry("DENY", 3L));
        Audits.Interval quiet = t.intervals().get(5);
        assertThat(quiet.byDecision().values()).containsOnly(0L);
        Audits.Interval last = t.intervals().get(13);
        assertThat(last.from()).isEqualTo(day("2026-11-30"));
        assertThat(last.to()).isEqualTo(to);
        assertThat(last.overridesDeclared()).isEqualTo(3);
    }
}
