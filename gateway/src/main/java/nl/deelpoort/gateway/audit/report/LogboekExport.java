package nl.deelpoort.gateway.audit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.deelpoort.gateway.logstore.LogUnavailableException;
import nl.deelpoort.gateway.logstore.LogVisibility;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.LogEntryCodec;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organisation's log entries as JSON Lines, one Logius <i>Logboek Dataverwerkingen</i> record
 * (the fields of the standard's Logboek interface) per entry. The mapping, and what is derived
 * rather than logged, is in {@code docs/logboek-dataverwerkingen.md}; {@code LogboekSchemaIT} holds
 * the output to the standard's field list kept in {@code src/test/resources/logboek}. Streams through
 * a server-side cursor (a read-only transaction and a fetch size), so an export of a year never sits
 * in memory.
 */
@Component
class LogboekExport {

    /** {@code status_code}: the standard's enumeration, written as its number. */
    static final int STATUS_UNSET = 0;

    static final int STATUS_OK = 1;
    static final int STATUS_ERROR = 2;

    /** The fragment under the register naming the data subject id type: the per-organisation pseudonym. */
    static final String SUBJECT_ID_TYPE = "data-subject-id-type/deelpoort-pseudonym";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();
    /** RFC 3339 in UTC with milliseconds, always three digits: the JSON form of a protobuf Timestamp at the log's precision. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final String SELECT = "SELECT canonical FROM log_entry WHERE registered_at >= :from"
            + " AND registered_at < :to AND " + LogVisibility.VIEWER_SQL + " ORDER BY seq";

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final LogboekSettings settings;

    LogboekExport(JdbcClient jdbc, PlatformTransactionManager transactions, LogboekSettings settings) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.settings = settings;
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

    /** One entry as a record of the standard; absent values are left out, never written as null. */
    Map<String, Object> record(LogEntry e) {
        Map<String, Object> r = new LinkedHashMap<>();
        boolean traced = e.traceId() != null && e.spanId() != null;
        byte[] derived = traced ? null : derivedIds(e.seq());
        r.put("trace_id", traced ? e.traceId() : HEX.formatHex(derived, 0, 16));
        r.put("span_id", traced ? e.spanId() : HEX.formatHex(derived, 16, 24));
        // parent_span_id is left out: the gateway's span is the first of its own in the trace; a
        // caller's span belongs to another party and is the foreign_operation.
        r.put("name", "deelpoort." + e.kind().name().toLowerCase(Locale.ROOT));
        r.put("status_code", statusCode(e));
        r.put("start_time", TIME.format(e.registeredAt()));
        r.put("end_time", TIME.format(e.registeredAt()));
        if (traced && e.callerSpanId() != null && e.requestingOrganisation() != null) {
            Map<String, Object> foreign = new LinkedHashMap<>();
            foreign.put("trace_id", e.traceId());
            foreign.put("span_id", e.callerSpanId());
            foreign.put("entity", settings.base() + "/api/v1/agreements#" + fragment(e.requestingOrganisation()));
            r.put("foreign_operation", foreign);
        }
        r.put("resource", Map.of("attributes", List.of(attribute("service.name", settings.serviceName()))));
        List<Map<String, Object>> a = new ArrayList<>();
        a.add(attribute("dpl.core.processing_activity_id", processingActivity(e)));
        if (e.subjectPseudonym() != null) {
            a.add(attribute("dpl.core.data_subject_id", e.subjectPseudonym()));
            a.add(attribute("dpl.core.data_subject_id_type", settings.base() + "/api/v1/register#" + SUBJECT_ID_TYPE));
        }
        a.add(attribute("dpl.deelpoort.seq", e.seq()));
        a.add(attribute("dpl.deelpoort.kind", e.kind().name()));
        if (!traced) {
            a.add(attribute("dpl.deelpoort.trace_derived", true));
        }
        add(a, "dpl.deelpoort.decision", e.decision());
        add(a, "dpl.deelpoort.reason_codes", e.reasonCodes());
        add(a, "dpl.deelpoort.purpose", e.purpose());
        add(a, "dpl.deelpoort.legal_basis", e.legalBasis());
        add(a, "dpl.deelpoort.flow", e.flow());
        add(a, "dpl.deelpoort.agreement", e.agreement());
        add(a, "dpl.deelpoort.policy_version", e.policyVersion());
        add(a, "dpl.deelpoort.requesting_organisation", e.requestingOrganisation());
        add(a, "dpl.deelpoort.acting_role", e.actingRole());
        add(a, "dpl.deelpoort.user", e.user());
        add(a, "dpl.deelpoort.client", e.client());
        add(a, "dpl.deelpoort.holder", e.holder());
        add(a, "dpl.deelpoort.holder_role", e.holderRole());
        add(a, "dpl.deelpoort.recipient", e.recipient());
        add(a, "dpl.deelpoort.recipient_role", e.recipientRole());
        add(a, "dpl.deelpoort.categories_requested", e.categoriesRequested());
        add(a, "dpl.deelpoort.categories_released", e.categoriesReleased());
        add(a, "dpl.deelpoort.consent_id", e.consentId());
        add(a, "dpl.deelpoort.override_id", e.overrideId());
        add(a, "dpl.deelpoort.measure_id", e.measureId());
        add(a, "dpl.deelpoort.reference_id", e.referenceId());
        a.add(attribute("dpl.deelpoort.confidential", e.confidential()));
        if (e.retentionUntil() != null) {
            a.add(attribute("dpl.deelpoort.retention_until", e.retentionUntil().toString()));
        }
        r.put("attributes", a);
        return r;
    }

    /**
     * A decision to release is OK; a refusal is UNSET (the standard's value for a correct outcome
     * without an internal error, as a 4xx is); a delivery the holder's system failed is ERROR. Entries
     * without a decision are UNSET: they are written before the action they record completes.
     */
    static int statusCode(LogEntry e) {
        if (e.kind() == EntryKind.DELIVERY_FAILED) {
            return STATUS_ERROR;
        }
        if ("PERMIT".equals(e.decision()) || "PARTIAL".equals(e.decision())) {
            return STATUS_OK;
        }
        return STATUS_UNSET;
    }

    /**
     * The register entry of the entry's processing activity: its flow under its agreement (the rows of
     * {@code GET /api/v1/register}), or for an entry without a flow the gateway's own activity that
     * wrote it (docs/logboek-dataverwerkingen.md names them).
     */
    String processingActivity(LogEntry e) {
        String register = settings.base() + "/api/v1/register#";
        if (e.flow() != null) {
            return register + (e.agreement() != null ? fragment(e.agreement()) + "/" : "") + fragment(e.flow());
        }
        return register + "deelpoort/" + ownActivity(e.kind());
    }

    /** The gateway's own processing activities, for entries that no flow covers. */
    static String ownActivity(EntryKind kind) {
        return switch (kind) {
            case EVALUATION, DISCLOSURE, TRANSFER, RECEIPT, DELIVERY_FAILED -> "sharing-decision";
            case CONSENT_GIVEN, CONSENT_WITHDRAWN, CONSENT_EXPIRED -> "consent-registration";
            case OVERRIDE_DECLARED, OVERRIDE_ENDED, OVERRIDE_REVIEWED -> "safety-override";
            case MEASURE_REGISTERED, MEASURE_ENDED -> "child-protection-measure";
            case SUBJECT_FORGOTTEN, AUDIT_QUERY -> "oversight";
            case TRANSFER_PURGED, TRANSFER_EXPIRED -> "transfer-housekeeping";
        };
    }

    /** An OpenTelemetry KeyValue: {@code {"key": …, "value": {"stringValue" | "boolValue" | "intValue" | "arrayValue": …}}}. */
    static Map<String, Object> attribute(String key, Object value) {
        Map<String, Object> kv = new LinkedHashMap<>();
        kv.put("key", key);
        kv.put("value", anyValue(value));
        return kv;
    }

    private static Map<String, Object> anyValue(Object value) {
        if (value instanceof String s) {
            return Map.of("stringValue", s);
        }
        if (value instanceof Boolean b) {
            return Map.of("boolValue", b);
        }
        if (value instanceof Long l) {
            // int64 as a decimal string, as OTLP's JSON encoding (proto3 JSON) writes it.
            return Map.of("intValue", Long.toString(l));
        }
        if (value instanceof List<?> l) {
            return Map.of(
                    "arrayValue",
                    Map.of("values", l.stream().map(LogboekExport::anyValue).toList()));
        }
        throw new IllegalArgumentException("no attribute value type for " + value.getClass());
    }

    private static void add(List<Map<String, Object>> attributes, String key, Object value) {
        if (value == null || (value instanceof List<?> l && l.isEmpty())) {
            return;
        }
        attributes.add(attribute(key, value));
    }

    /** Ids of the framework are slugs; anything else is percent-encoded so the URI stays valid. */
    private static String fragment(String id) {
        StringBuilder sb = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(HEX.toHexDigits(b).toUpperCase(Locale.ROOT));
            }
        }
        return sb.toString();
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
