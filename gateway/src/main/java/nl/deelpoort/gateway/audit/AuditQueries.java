package nl.deelpoort.gateway.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.deelpoort.gateway.audit.AuditTrail.Scope;
import nl.deelpoort.gateway.logstore.LogVisibility;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit's SQL over {@code log_entry}. Every query is limited to the entries the officer's
 * organisation sees in full ({@link LogVisibility}: requester, holder or recipient) and to entries
 * before the officer's own {@code AUDIT_QUERY} entry; a subject filter also to the entries after the
 * organisation's own forget of that subject. Entries are shown as decoded from their canonical bytes,
 * never from the search columns.
 */
@Component
record AuditQueries(JdbcClient jdbc) {
    /** An entry as stored: decoded fields and the bytes the Merkle tree covers. */
    record Found(LogEntry entry, byte[] canonical) {}

    record DenialRate(String organisation, long decisions, long denials) {}

    /** Entries of one kind and decision whose time falls in the interval starting at {@code start}. */
    record TimeCount(LocalDateTime start, String kind, String decision, long count) {}

    static final int TIMELINE_LIMIT = 10_000;

    /**
     * The first seq registered at or after an instant, as a scalar subquery: one index probe on
     * (registered_at, seq) (V46); NULL when nothing was registered since. Because registered_at never
     * decreases as seq grows (the sequencer assigns both under the append lock), the entries
     * registered in [from, to) are exactly those with FIRST_SEQ_AT(from) <= seq < FIRST_SEQ_AT(to).
     */
    private static final String FIRST_SEQ_AT =
            "(SELECT seq FROM log_entry WHERE registered_at >= %s ORDER BY registered_at, seq LIMIT 1)";

    private static final String REASON_CODES = "(convert_from(canonical, 'UTF8')::jsonb -> 'reasonCodes')";

    /**
     * The conditions besides visibility, as one SQL fragment with named parameters; the parameters
     * also hold the officer's organisation ({@code :viewer}, for {@link LogVisibility#VIEWER_SQL}).
     */
    private record Where(String sql, Map<String, Object> params) {

        static Where of(Scope scope, AuditFilter f, boolean withoutAuditQueries) {
            return of(scope, f, withoutAuditQueries, scope.disclosureId());
        }

        /** @param before entries before this seq only: the officer's own entry, or an earlier one */
        static Where of(Scope scope, AuditFilter f, boolean withoutAuditQueries, long before) {
            StringBuilder sql = new StringBuilder("seq < :before");
            Map<String, Object> p = new HashMap<>();
            p.put("before", Math.min(before, scope.disclosureId()));
            p.put("viewer", scope.organisation().value());
            if (withoutAuditQueries) {
                sql.append(" AND kind <> 'AUDIT_QUERY'");
            }
            scope.subject().ifPresent(s -> {
                sql.append(" AND subject_pseudonym = :subject AND seq > :afterSeq");
                p.put("subject", s.pseudonym());
                p.put("afterSeq", s.afterSeq());
            });
            f.organisation().ifPresent(o -> {
                sql.append(" AND (requesting_organisation = :party OR holder = :party OR recipient = :party)");
                p.put("party", o.value());
            });
            f.purpose().ifPresent(v -> and(sql, p, "purpose = :purpose", "purpose", v.name()));
            f.legalBasis().ifPresent(v -> and(sql, p, "legal_basis = :legalBasis", "legalBasis", v.name()));
            f.decision().ifPresent(v -> and(sql, p, "decision = :decision", "decision", v.name()));
            f.kind().ifPresent(v -> and(sql, p, "kind = :kind", "kind", v.name()));
            f.overrideId().ifPresent(v -> and(sql, p, "override_id = :overrideId", "overrideId", v.toString()));
            f.reasonCode()
                    .ifPresent(v -> and(
                            sql, p, REASON_CODES + " @> jsonb_build_array(:reasonCode::text)", "reasonCode", v.name()));
            // The period as a seq range only (V46): exact, since registered_at never decreases as seq
            // grows. No registered_at condition besides: with one, a cached generic plan (pgjdbc
            // prepares a statement after five runs) walked the (registered_at, seq) index over the
            // whole period instead of the party's index back from the period's end.
            f.from().ifPresent(v -> and(sql, p, "seq >= " + FIRST_SEQ_AT.formatted(":from"), "from", utc(v)));
            f.to().ifPresent(v -> and(
                    sql,
                    p,
                    "seq < coalesce(" + FIRST_SEQ_AT.formatted(":to") + ", " + Long.MAX_VALUE + ")",
                    "to",
                    utc(v)));
            return new Where(sql.toString(), p);
        }

        private static void and(StringBuilder sql, Map<String, Object> p, String condition, String name, Object value) {
            sql.append(" AND ").append(condition);
            p.put(name, value);
        }

        /** Visible to the organisation, as one OR (for aggregates that read the whole period anyway). */
        String visible() {
            return LogVisibility.VIEWER_SQL + " AND " + sql;
        }
    }

    /**
     * One page, newest first, plus one entry more to tell whether another page follows. The three
     * sides are three index scans backwards on (side, seq), each stopping after enough rows, merged:
     * an OR over the three columns would read every entry of the organisation and sort them. (The
     * three sides together are {@link LogVisibility#VIEWER_SQL}, split for the planner.)
     */
    List<Found> search(Scope scope, AuditFilter f, int page, int size, Optional<Long> beforeSeq) {
        Statement search = searchStatement(scope, f, page, size, beforeSeq);
        return jdbc.sql(search.sql())
                .params(search.params())
                .query((rs, n) -> found(rs.getBytes(1)))
                .list();
    }

    /** A query with named parameters; the search's is built apart from running it so a benchmark can EXPLAIN it. */
    record Statement(String sql, Map<String, Object> params) {}

    static Statement searchStatement(Scope scope, AuditFilter f, int page, int size, Optional<Long> beforeSeq) {
        Where w = Where.of(scope, f, false, beforeSeq.orElse(scope.disclosureId()));
        String side =
                "(SELECT seq FROM log_entry WHERE %s = :viewer AND " + w.sql() + " ORDER BY seq DESC LIMIT :enough)";
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("enough", (long) page * size + size + 1);
        params.put("limit", size + 1);
        params.put("offset", (long) page * size);
        return new Statement(
                "SELECT canonical FROM log_entry WHERE seq IN (" + side.formatted("requesting_organisation")
                        + " UNION ALL " + side.formatted("holder") + " UNION ALL " + side.formatted("recipient")
                        + ") ORDER BY seq DESC LIMIT :limit OFFSET :offset",
                params);
    }

    /** The subject's entries visible to the organisation, oldest first; audit queries left out. */
    List<Found> timeline(Scope scope, AuditFilter f) {
        Where w = Where.of(scope, f, true);
        return jdbc.sql("SELECT canonical FROM log_entry WHERE " + w.visible() + " ORDER BY seq LIMIT "
                        + (TIMELINE_LIMIT + 1))
                .params(w.params())
                .query((rs, n) -> found(rs.getBytes(1)))
                .list();
    }

    /**
     * Subjects with visible activity in the period, ordered by md5(seed || pseudonym): a fixed
     * shuffle for a given seed, so the same seed over the same (closed) period gives the same sample.
     */
    List<SampledSubject> sample(Scope scope, AuditFilter period, int size, String seed) {
        Where w = Where.of(scope, period, true);
        return jdbc.sql("SELECT subject_pseudonym, count(*) FROM log_entry WHERE subject_pseudonym IS NOT NULL AND "
                        + w.visible()
                        + " GROUP BY subject_pseudonym ORDER BY md5(:seed::text || subject_pseudonym),"
                        + " subject_pseudonym LIMIT :size")
                .params(w.params())
                .param("seed", seed)
                .param("size", size)
                .query((rs, n) -> new SampledSubject(rs.getString(1), rs.getLong(2)))
                .list();
    }

    /** Counts of the visible entries in the period grouped by one column (nulls left out). */
    Map<String, Long> countBy(Scope scope, AuditFilter period, String column) {
        return counts(
                "SELECT " + column + ", count(*) FROM log_entry WHERE " + column + " IS NOT NULL AND %s"
                        + " GROUP BY 1 ORDER BY 2 DESC, 1",
                scope,
                period);
    }

    Map<String, Long> countByReasonCode(Scope scope, AuditFilter period) {
        return counts(
                "SELECT code, count(*) FROM log_entry, jsonb_array_elements_text(" + REASON_CODES
                        + ") AS code WHERE decision IS NOT NULL AND %s GROUP BY 1 ORDER BY 2 DESC, 1",
                scope,
                period);
    }

    Map<String, Long> countReviewVerdicts(Scope scope, AuditFilter period) {
        return counts(
                "SELECT coalesce(convert_from(canonical, 'UTF8')::jsonb -> 'attributes' ->> 'verdict', 'UNKNOWN'),"
                        + " count(*) FROM log_entry WHERE kind = 'OVERRIDE_REVIEWED' AND %s"
                        + " GROUP BY 1 ORDER BY 2 DESC, 1",
                scope, period);
    }

    /**
     * Decisions and declared overrides of the period per interval of {@code granularity}, cut by
     * PostgreSQL's {@code date_trunc} on the local time in Europe/Amsterdam ({@link Granularity}
     * cuts the same way); intervals without entries have no rows.
     */
    List<TimeCount> countOverTime(Scope scope, AuditFilter period, Granularity granularity) {
        Where w = Where.of(scope, period, true);
        return jdbc.sql("SELECT date_trunc(CAST(:unit AS text), registered_at AT TIME ZONE 'Europe/Amsterdam'),"
                        + " kind, decision, count(*) FROM log_entry"
                        + " WHERE (decision IS NOT NULL OR kind = 'OVERRIDE_DECLARED') AND " + w.visible()
                        + " GROUP BY 1, 2, 3")
                .params(w.params())
                .param("unit", granularity.sqlUnit())
                .query((rs, n) -> new TimeCount(
                        rs.getObject(1, LocalDateTime.class), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    List<PairCount> countByPair(Scope scope, AuditFilter period) {
        Where w = Where.of(scope, period, true);
        return jdbc.sql("SELECT requesting_organisation, recipient, count(*) FROM log_entry"
                        + " WHERE requesting_organisation IS NOT NULL AND recipient IS NOT NULL AND " + w.visible()
                        + " GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2")
                .params(w.params())
                .query((rs, n) -> new PairCount(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    List<DenialRate> denialRates(Scope scope, AuditFilter period) {
        Where w = Where.of(scope, period, true);
        return jdbc.sql("SELECT requesting_organisation, count(*), count(*) FILTER (WHERE decision = 'DENY')"
                        + " FROM log_entry WHERE decision IS NOT NULL AND requesting_organisation IS NOT NULL AND "
                        + w.visible() + " GROUP BY 1 ORDER BY 1")
                .params(w.params())
                .query((rs, n) -> new DenialRate(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /**
     * Consent events of the period from the consent tables rather than the log: a consent's log entry
     * names only the recording organisation, while the consent itself names holders and recipients,
     * and an officer of a recipient must see the consents their organisation receives data under.
     * Expired: valid_until (the exclusive end day, Europe/Amsterdam) falls in the period and no
     * withdrawal came before that day.
     */
    ConsentCounts consents(Scope scope, AuditFilter period) {
        String end = "(c.valid_until::timestamp AT TIME ZONE 'Europe/Amsterdam')";
        return jdbc.sql(
                        "SELECT count(*) FILTER (WHERE c.recorded_at >= :from AND c.recorded_at < :to),"
                                + " count(*) FILTER (WHERE w.withdrawn_at >= :from AND w.withdrawn_at < :to),"
                                + " count(*) FILTER (WHERE " + end + " >= :from AND " + end + " < :to"
                                + " AND (w.withdrawn_at IS NULL OR w.withdrawn_at >= " + end + "))"
                                + " FROM consent c LEFT JOIN consent_withdrawal w ON w.consent_id = c.id"
                                + " WHERE (c.recorded_by_org = :viewer OR :viewer = ANY (c.holders) OR :viewer = ANY (c.recipients))")
                .param("from", utc(period.from().orElseThrow()))
                .param("to", utc(period.to().orElseThrow()))
                .param("viewer", scope.organisation().value())
                .query((rs, n) -> new ConsentCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /** {@code sql} with {@code %s} for the visibility and filter conditions; rows of (key, count). */
    private Map<String, Long> counts(String sql, Scope scope, AuditFilter period) {
        Where w = Where.of(scope, period, true);
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql.formatted(w.visible())).params(w.params()).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    /** As timestamptz: pgjdbc binds OffsetDateTime unambiguously, whatever the JVM's zone. */
    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static Found found(byte[] canonical) {
        return new Found(LogEntryCodec.decode(canonical), canonical);
    }
}
