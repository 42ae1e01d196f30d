package nl.deelpoort.gateway.audit;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.deelpoort.gateway.audit.AuditQueries.Statement;
import nl.deelpoort.ledger.LogEntryCodec;
import nl.deelpoort.policy.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test-side access to the audit search's own SQL ({@link AuditQueries#searchStatement}), for the
 * profile that {@code AuditSearchBenchmark} prints: the statement run alone (no log entry, no proofs,
 * no JSON) and its {@code EXPLAIN (ANALYZE, BUFFERS)}. The scope is the viewer's with no subject and
 * no upper seq bound, as a first page is.
 */
public final class AuditProbe {

    /** A hit as the search returns it: its seq and the canonical bytes its inclusion proof covers. */
    public record Hit(long seq, byte[] canonical) {}

    private final JdbcClient jdbc;

    /**
     * True: the search as it was before the period became a seq range (session 6), the same statement
     * without the two seq bounds, for a side-by-side comparison on the same data.
     */
    private final boolean timeOnly;

    /** The search as {@code AuditQueries} runs it. */
    public AuditProbe(DataSource dataSource) {
        this(dataSource, false);
    }

    private AuditProbe(DataSource dataSource, boolean timeOnly) {
        this.jdbc = JdbcClient.create(dataSource);
        this.timeOnly = timeOnly;
    }

    /** The search with the period as time conditions only, as before the seq range. */
    public static AuditProbe periodByTimeOnly(DataSource dataSource) {
        return new AuditProbe(dataSource, true);
    }

    /** The first page of {@code size} hits, plus one, as {@code viewer} would get it. */
    public List<Hit> search(String viewer, AuditFilter filter, int size) {
        Statement s = statement(viewer, filter, size);
        return jdbc.sql(s.sql())
                .params(s.params())
                .query((rs, n) -> hit(rs.getBytes(1)))
                .list();
    }

    /** The same statement's plan as executed, one line per element. */
    public List<String> explain(String viewer, AuditFilter filter, int size) {
        Statement s = statement(viewer, filter, size);
        return jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + s.sql())
                .params(s.params())
                .query(String.class)
                .list();
    }

    /** The statement's text and parameters, for the profile file. */
    public String describe(String viewer, AuditFilter filter, int size) {
        Statement s = statement(viewer, filter, size);
        return s.sql() + "\n-- parameters: " + new java.util.TreeMap<>(s.params());
    }

    private Statement statement(String viewer, AuditFilter filter, int size) {
        AuditTrail.Scope scope =
                new AuditTrail.Scope(OrganisationId.of(viewer), false, Optional.empty(), Long.MAX_VALUE);
        Statement s = AuditQueries.searchStatement(scope, filter, 0, size, Optional.empty());
        if (!timeOnly) {
            return s;
        }
        String sql = s.sql()
                .replaceAll(
                        "seq >= \\(SELECT seq FROM log_entry WHERE registered_at >= :from [^)]*\\)",
                        "registered_at >= :from")
                .replaceAll(
                        "seq < coalesce\\(\\(SELECT seq FROM log_entry WHERE registered_at >= :to [^)]*\\), \\d+\\)",
                        "registered_at < :to");
        if (sql.contains("SELECT seq FROM log_entry WHERE registered_at")) {
            throw new IllegalStateException(
                    "the period's seq range is no longer written as this probe expects: " + sql);
        }
        return new Statement(sql, s.params());
    }

    private static Hit hit(byte[] canonical) {
        return new Hit(LogEntryCodec.decode(canonical).seq(), canonical);
    }
}
