package nl.deelpoort.gateway.audit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.deelpoort.gateway.logstore.LogUnavailableException;
import nl.deelpoort.gateway.logstore.LogVisibility;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organisation's log entries as JSON Lines in the shape of Logius <i>Logboek Dataverwerkingen</i>
 * (OpenTelemetry-style spans with {@code dpl.core.*} attributes). The mapping and its limits are in
 * {@code docs/logboek-dataverwerkingen.md}. Streams through a server-side cursor (a read-only
 * transaction and a fetch size), so an export of a year never sits in memory.
 */
@Component
class LogboekExport {

    static final String SUBJECT_ID_TYPE = "deelpoort-pseudonym";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();
    private static final String SELECT = "SELECT canonical FROM log_entry WHERE registered_at >= :from"
            + " AND registered_at < :to AND " + LogVisibility.VIEWER_SQL + " ORDER BY seq";

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    LogboekExport(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    /** Writes one line per entry registered in {@code [from, to)} where the organisation is a party. */
    void write(String organisation, Instant from, Instant to, Writer out) throws IOException {
        try {
            readOnly.executeWithoutResult(status -> jdbc.sql(SELECT)
                    .withFetchSize(2000)
                    .param("from", from.atOffset(ZoneOffset.UTC))
                    .param("to", to.atOffset(ZoneOffset.UTC))
                    .param("viewer", organisation)
                    .query(rs -> {
                        try {
                            out.write(JSON.writeValueAsString(record(LogEntryCodec.decode(rs.getBytes(1)))));
                            out.write('\n');
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (DataAccessException e) {
            throw new LogUnavailableException("The disclosure log cannot be read.", e);
        }
    }

    /** One entry as a span; absent values are left out rather than written as null (except the parent). */
    static Map<String, Object> record(LogEntry e) {
        Map<String, Object> r = new LinkedHashMap<>();
        byte[] derived = derivedIds(e.seq());
        r.put("trace_id", e.traceId() != null ? e.traceId() : HEX.formatHex(derived, 0, 16));
        r.put("span_id", e.spanId() != null ? e.spanId() : HEX.formatHex(derived, 16, 24));
        // The log keeps the gateway's own span, not the caller's: there is no parent to name.
        r.put("parent_span_id", null);
        r.put("name", "deelpoort." + e.kind().name().toLowerCase(Locale.ROOT));
        r.put("start_time", e.registeredAt().toString());
        r.put("end_time", e.registeredAt().toString());
        r.put("status", "DENY".equals(e.decision()) ? "ERROR" : "OK");
        Map<String, Object> a = new LinkedHashMap<>();
        if (e.flow() != null) {
            a.put("dpl.core.processing_activity_id", e.agreement() != null ? e.agreement() + "/" + e.flow() : e.flow());
        }
        if (e.subjectPseudonym() != null) {
            a.put("dpl.core.data_subject_id", e.subjectPseudonym());
            a.put("dpl.core.data_subject_id_type", SUBJECT_ID_TYPE);
        }
        a.put("deelpoort.seq", e.seq());
        a.put("deelpoort.kind", e.kind().name());
        put(a, "deelpoort.decision", e.decision());
        put(a, "deelpoort.reason_codes", e.reasonCodes());
        put(a, "deelpoort.purpose", e.purpose());
        put(a, "deelpoort.legal_basis", e.legalBasis());
        put(a, "deelpoort.flow", e.flow());
        put(a, "deelpoort.agreement", e.agreement());
        put(a, "deelpoort.policy_version", e.policyVersion());
        put(a, "deelpoort.requesting_organisation", e.requestingOrganisation());
        put(a, "deelpoort.acting_role", e.actingRole());
        put(a, "deelpoort.user", e.user());
        put(a, "deelpoort.client", e.client());
        put(a, "deelpoort.holder", e.holder());
        put(a, "deelpoort.holder_role", e.holderRole());
        put(a, "deelpoort.recipient", e.recipient());
        put(a, "deelpoort.recipient_role", e.recipientRole());
        put(a, "deelpoort.categories_requested", e.categoriesRequested());
        put(a, "deelpoort.categories_released", e.categoriesReleased());
        put(a, "deelpoort.consent_id", e.consentId());
        put(a, "deelpoort.override_id", e.overrideId());
        put(a, "deelpoort.measure_id", e.measureId());
        put(a, "deelpoort.reference_id", e.referenceId());
        a.put("deelpoort.confidential", e.confidential());
        if (e.retentionUntil() != null) {
            a.put("deelpoort.retention_until", e.retentionUntil().toString());
        }
        r.put("attributes", a);
        return r;
    }

    private static void put(Map<String, Object> attributes, String key, Object value) {
        if (value == null || (value instanceof List<?> l && l.isEmpty())) {
            return;
        }
        attributes.put(key, value);
    }

    /**
     * Stable ids for entries written without a request (housekeeping, expiry): SHA-256 of the seq,
     * so every export of the same entry names the same span.
     */
    private static byte[] derivedIds(long seq) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("deelpoort-log-entry/" + seq).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
