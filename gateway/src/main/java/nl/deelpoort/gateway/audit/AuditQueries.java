package nl.deelpoort.gateway.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deelpoort.gateway.logstore.LogVisibility;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit's SQL over {@code log_entry}. Every query is limited to the entries the officer's
 * organisation sees in full ({@link LogVisibility}: requester, holder or recipient) and to entries
 * before the officer's own {@code AUDIT_QUERY} entry; a subject filter also to the entries after the
 * organisation's own forget of that subject. Entries are shown as decoded from their canonical bytes,
 * never from the search columns.
 */
final class AuditQueries {

    /** An entry as stored: decoded fields and the bytes the Merkle tree covers. */
    record Found(LogEntry entry, byte[] canonical) {}

    record Count(String key, long count) {}

    record PairCount(String requester, String recipient, long count) {}

    record DenialRate(String organisation, long decisions, long denials) {}

    record SampledSubject(String subjectPseudonym, long entries) {}

    static final int TIMELINE_LIMIT = 10_000;

    private static final String REASON_CODES = "(convert_from(canonical, 'UTF8')::jsonb -> 'reasonCodes')";

    private final JdbcTemplate jdbc;

    AuditQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The conditions besides visibility, as one SQL fragment and its parameters. */
    private record Where(String sql, List<Object> params) {

        static Where of(AuditFilter f, long before, boolean withoutAuditQueries) {
            StringBuilder sql = new StringBuilder("seq < ?");
            List<Object> p = new ArrayList<>();
            p.add(before);
            if (withoutAuditQueries) {
                sql.append(" AND kind <> 'AUDIT_QUERY'");
            }
            f.subject().ifPresent(s -> {
                sql.append(" AND subject_pseudonym = ? AND seq > ?");
                p.add(s.pseudonym());
                p.add(s.afterSeq());
            });
            if (f.organisation() != null) {
                sql.append(" AND (requesting_organisation = ? OR holder = ? OR recipient = ?)");
                p.add(f.organisation());
                p.add(f.organisation());
                p.add(f.organisation());
            }
            eq(sql, p, "purpose", f.purpose());
            eq(sql, p, "legal_basis", f.legalBasis());
            eq(sql, p, "decision", f.decision());
            eq(sql, p, "kind", f.kind());
            eq(sql, p, "override_id", f.overrideId());
            if (f.reasonCode() != null) {
                sql.append(" AND ").append(REASON_CODES).append(" @> jsonb_build_array(?::text)");
                p.add(f.reasonCode());
            }
            if (f.from() != null) {
                sql.append(" AND registered_at >= ?");
                p.add(utc(f.from()));
            }
            if (f.to() != null) {
                sql.append(" AND registered_at < ?");
                p.add(utc(f.to()));
            }
            return new Where(sql.toString(), p);
        }

        private static void eq(StringBuilder sql, List<Object> p, String column, String value) {
            if (value != null) {
                sql.append(" AND ").append(column).append(" = ?");
                p.add(value);
            }
        }

        /** Visible to the organisation, as one OR (for aggregates that read the whole period anyway). */
        String visible() {
            return LogVisibility.SQL + " AND " + sql;
        }

        Object[] visibleParams(String organisation) {
            List<Object> all = new ArrayList<>(List.of(LogVisibility.params(organisation)));
            all.addAll(params);
            return all.toArray();
        }
    }

    /**
     * One page, newest first, plus one entry more to tell whether another page follows. The three
     * sides are three index scans backwards on (side, seq), each stopping after enough rows, merged:
     * an OR over the three columns would read every entry of the organisation and sort them. (The
     * three sides together are {@link LogVisibility#SQL}, split for the planner.)
     */
    List<Found> search(String organisation, AuditFilter f, long before, int page, int size) {
        Where w = Where.of(f, before, false);
        long enough = (long) page * size + size + 1;
        List<Object> p = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT seq, canonical FROM log_entry WHERE seq IN (");
        String[] sides = {"requesting_organisation", "holder", "recipient"};
        for (int i = 0; i < sides.length; i++) {
            if (i > 0) {
                sql.append(" UNION ALL ");
            }
            sql.append("(SELECT seq FROM log_entry WHERE ")
                    .append(sides[i])
                    .append(" = ? AND ")
                    .append(w.sql())
                    .append(" ORDER BY seq DESC LIMIT ?)");
            p.add(organisation);
            p.addAll(w.params());
            p.add(enough);
        }
        sql.append(") ORDER BY seq DESC LIMIT ? OFFSET ?");
        p.add(size + 1);
        p.add((long) page * size);
        return jdbc.query(sql.toString(), (rs, n) -> found(rs.getBytes(2)), p.toArray());
    }

    /** The subject's entries visible to the organisation, oldest first; audit queries left out. */
    List<Found> timeline(String organisation, AuditFilter f, long before) {
        Where w = Where.of(f, before, true);
        return jdbc.query(
                "SELECT seq, canonical FROM log_entry WHERE " + w.visible() + " ORDER BY seq LIMIT "
                        + (TIMELINE_LIMIT + 1),
                (rs, n) -> found(rs.getBytes(2)),
                w.visibleParams(organisation));
    }

    /**
     * Subjects with visible activity in the period, ordered by md5(seed || pseudonym): a fixed
     * shuffle for a given seed, so the same seed over the same (closed) period gives the same sample.
     */
    List<SampledSubject> sample(String organisation, AuditFilter period, long before, int size, String seed) {
        Where w = Where.of(period, before, true);
        List<Object> p = new ArrayList<>(List.of(w.visibleParams(organisation)));
        p.add(seed);
        p.add(size);
        return jdbc.query(
                "SELECT subject_pseudonym, count(*) FROM log_entry WHERE subject_pseudonym IS NOT NULL AND "
                        + w.visible()
                        + " GROUP BY subject_pseudonym ORDER BY md5(?::text || subject_pseudonym), subject_pseudonym LIMIT ?",
                (rs, n) -> new SampledSubject(rs.getString(1), rs.getLong(2)),
                p.toArray());
    }

    /** Counts of the visible entries in the period grouped by one column (nulls left out). */
    List<Count> countBy(String organisation, AuditFilter period, long before, String column) {
        Where w = Where.of(period, before, true);
        return jdbc.query(
                "SELECT " + column + ", count(*) FROM log_entry WHERE " + column + " IS NOT NULL AND " + w.visible()
                        + " GROUP BY 1 ORDER BY 2 DESC, 1",
                (rs, n) -> new Count(rs.getString(1), rs.getLong(2)),
                w.visibleParams(organisation));
    }

    List<Count> countByReasonCode(String organisation, AuditFilter period, long before) {
        Where w = Where.of(period, before, true);
        return jdbc.query(
                "SELECT code, count(*) FROM log_entry, jsonb_array_elements_text(" + REASON_CODES
                        + ") AS code WHERE decision IS NOT NULL AND " + w.visible() + " GROUP BY 1 ORDER BY 2 DESC, 1",
                (rs, n) -> new Count(rs.getString(1), rs.getLong(2)),
                w.visibleParams(organisation));
    }

    List<Count> countReviewVerdicts(String organisation, AuditFilter period, long before) {
        Where w = Where.of(period, before, true);
        return jdbc.query(
                "SELECT convert_from(canonical, 'UTF8')::jsonb -> 'attributes' ->> 'verdict', count(*) FROM log_entry"
                        + " WHERE kind = 'OVERRIDE_REVIEWED' AND " + w.visible() + " GROUP BY 1 ORDER BY 2 DESC, 1",
                (rs, n) -> new Count(rs.getString(1) == null ? "UNKNOWN" : rs.getString(1), rs.getLong(2)),
                w.visibleParams(organisation));
    }

    List<PairCount> countByPair(String organisation, AuditFilter period, long before) {
        Where w = Where.of(period, before, true);
        return jdbc.query(
                "SELECT requesting_organisation, recipient, count(*) FROM log_entry WHERE requesting_organisation IS NOT NULL"
                        + " AND recipient IS NOT NULL AND " + w.visible() + " GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2",
                (rs, n) -> new PairCount(rs.getString(1), rs.getString(2), rs.getLong(3)),
                w.visibleParams(organisation));
    }

    List<DenialRate> denialRates(String organisation, AuditFilter period, long before) {
        Where w = Where.of(period, before, true);
        return jdbc.query(
                "SELECT requesting_organisation, count(*), count(*) FILTER (WHERE decision = 'DENY') FROM log_entry"
                        + " WHERE decision IS NOT NULL AND requesting_organisation IS NOT NULL AND " + w.visible()
                        + " GROUP BY 1 ORDER BY 1",
                (rs, n) -> new DenialRate(rs.getString(1), rs.getLong(2), rs.getLong(3)),
                w.visibleParams(organisation));
    }

    record ConsentCounts(long given, long withdrawn, long expired) {}

    /**
     * Consent events of the period from the consent tables rather than the log: a consent's log entry
     * names only the recording organisation, while the consent itself names holders and recipients,
     * and an officer of a recipient must see the consents their organisation receives data under.
     * Expired: valid_until (the exclusive end day, Europe/Amsterdam) falls in the period and no
     * withdrawal came before that day.
     */
    ConsentCounts consents(String organisation, Instant from, Instant to) {
        String end = "(c.valid_until::timestamp AT TIME ZONE 'Europe/Amsterdam')";
        return jdbc.queryForObject(
                "SELECT count(*) FILTER (WHERE c.recorded_at >= ? AND c.recorded_at < ?),"
                        + " count(*) FILTER (WHERE w.withdrawn_at >= ? AND w.withdrawn_at < ?),"
                        + " count(*) FILTER (WHERE " + end + " >= ? AND " + end + " < ?"
                        + " AND (w.withdrawn_at IS NULL OR w.withdrawn_at >= " + end + "))"
                        + " FROM consent c LEFT JOIN consent_withdrawal w ON w.consent_id = c.id"
                        + " WHERE (c.recorded_by_org = ? OR ? = ANY (c.holders) OR ? = ANY (c.recipients))",
                (rs, n) -> new ConsentCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
                utc(from),
                utc(to),
                utc(from),
                utc(to),
                utc(from),
                utc(to),
                organisation,
                organisation,
                organisation);
    }

    static Map<String, Long> asMap(List<Count> counts) {
        Map<String, Long> m = new LinkedHashMap<>();
        counts.forEach(c -> m.put(c.key(), c.count()));
        return m;
    }

    /** As timestamptz: pgjdbc binds OffsetDateTime unambiguously, whatever the JVM's zone. */
    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static Found found(byte[] canonical) {
        return new Found(LogEntryCodec.decode(canonical), canonical);
    }
}
