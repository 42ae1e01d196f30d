package nl.deelpoort.gateway.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.policy.Framework;

/**
 * Statistics over time: the period cut into intervals ({@link Granularity}) and the counts per
 * interval, every interval present (with zeros) so that a chart shows quiet weeks too. The first and
 * the last interval are cut to the period.
 */
final class Intervals {

    /** The decisions in the order a chart stacks them. */
    static final List<String> DECISIONS = List.of("PERMIT", "PARTIAL", "DENY");

    private static final ZoneId ZONE = Framework.ZONE;

    static Audits.OverTime of(Instant from, Instant to, Granularity granularity, List<AuditQueries.TimeCount> counts) {
        Map<LocalDateTime, List<AuditQueries.TimeCount>> byStart = new LinkedHashMap<>();
        counts.forEach(
                c -> byStart.computeIfAbsent(c.start(), k -> new ArrayList<>()).add(c));
        LocalDateTime end = LocalDateTime.ofInstant(to, ZONE);
        List<Audits.Interval> intervals = new ArrayList<>();
        for (LocalDateTime start = granularity.start(LocalDateTime.ofInstant(from, ZONE));
                start.isBefore(end);
                start = granularity.next(start)) {
            Map<String, Long> decisions = new LinkedHashMap<>();
            DECISIONS.forEach(d -> decisions.put(d, 0L));
            long overrides = 0;
            for (AuditQueries.TimeCount c : byStart.getOrDefault(start, List.of())) {
                if (c.decision() != null && LogEntry.DECISIONS.contains(c.decision())) {
                    decisions.merge(c.decision(), c.count(), Long::sum);
                } else if (EntryKind.OVERRIDE_DECLARED.name().equals(c.kind())) {
                    overrides += c.count();
                }
            }
            intervals.add(new Audits.Interval(
                    later(from, start.atZone(ZONE).toInstant()),
                    earlier(to, granularity.next(start).atZone(ZONE).toInstant()),
                    decisions,
                    overrides));
        }
        return new Audits.OverTime(granularity.name(), intervals);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private Intervals() {}
}
