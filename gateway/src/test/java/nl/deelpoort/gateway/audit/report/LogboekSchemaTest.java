package nl.deelpoort.gateway.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.ledger.Pseudonyms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The export's mapping of every kind of entry, checked against the standard's field list
 * ({@link LogboekSchema}); and the schema itself, checked to refuse what the standard does not allow,
 * so that a pass means something.
 */
class LogboekSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PSEUDONYM = Pseudonyms.pseudonym(new byte[32]);
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";
    private static final String CALLER_SPAN = "b7ad6b7169203331";

    private final LogboekExport export =
            new LogboekExport(null, null, new LogboekSettings(URI.create("https://deelpoort.example.nl/"), null));

    private static LogEntry.Builder disclosure() {
        return LogEntry.builder(EntryKind.DISCLOSURE)
                .seq(41)
                .registeredAt(Instant.parse("2026-11-22T10:15:30Z"))
                .traceId(TRACE)
                .spanId(SPAN)
                .decision("PARTIAL")
                .reasonCodes(List.of("CATEGORY_NOT_IN_FLOW"))
                .purpose("ESCALATION")
                .legalBasis("CONSENT")
                .flow("F1")
                .agreement("convenant-plusteam-2026")
                .requestingOrganisation("plusteam")
                .holder("gemeente-waalre")
                .recipient("plusteam")
                .subjectPseudonym(PSEUDONYM)
                .categoriesRequested(List.of("BSN", "PERSONALIA", "HEALTH"))
                .categoriesReleased(List.of("BSN", "PERSONALIA"))
                .retentionUntil(LocalDate.parse("2041-11-22"));
    }

    private String line(LogEntry e) {
        return JSON.writeValueAsString(export.record(e));
    }

    private static Map<String, JsonNode> attributes(JsonNode record) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        record.path("attributes").forEach(a -> out.put(a.path("key").asString(), a.path("value")));
        return out;
    }

    @Test
    void aDisclosureAtTheRequestOfACallerWithATraceparentIsAValidRecord() {
        String line = line(disclosure().callerSpanId(CALLER_SPAN).build());
        assertThat(LogboekSchema.problems(line)).isEmpty();
        JsonNode r = JSON.readTree(line);
        assertThat(r.path("trace_id").asString()).isEqualTo(TRACE);
        assertThat(r.path("span_id").asString()).isEqualTo(SPAN);
        assertThat(r.has("parent_span_id")).as("absent, not null").isFalse();
        assertThat(r.path("status_code").asInt()).isEqualTo(1);
        assertThat(r.path("start_time").asString()).isEqualTo("2026-11-22T10:15:30.000Z");
        assertThat(r.path("end_time").asString()).isEqualTo("2026-11-22T10:15:30.000Z");
        assertThat(r.path("foreign_operation").path("trace_id").asString()).isEqualTo(TRACE);
        assertThat(r.path("foreign_operation").path("span_id").asString()).isEqualTo(CALLER_SPAN);
        assertThat(r.path("foreign_operation").path("entity").asString())
                .isEqualTo("https://deelpoort.example.nl/api/v1/agreements#plusteam");
        Map<String, JsonNode> a = attributes(r);
        assertThat(a.get("dpl.core.processing_activity_id").path("stringValue").asString())
                .isEqualTo("https://deelpoort.example.nl/api/v1/register#convenant-plusteam-2026/F1");
        assertThat(a.get("dpl.core.data_subject_id").path("stringValue").asString())
                .isEqualTo(PSEUDONYM);
        assertThat(URI.create(a.get("dpl.core.data_subject_id_type")
                                .path("stringValue")
                                .asString())
                        .isAbsolute())
                .isTrue();
        assertThat(a.get("dpl.deelpoort.seq").path("intValue").asString()).isEqualTo("41");
        assertThat(a.get("dpl.deelpoort.categories_released").path("arrayValue").path("values"))
                .hasSize(2);
        assertThat(a.get("dpl.deelpoort.confidential").path("boolValue").asBoolean())
                .isFalse();
        assertThat(a).doesNotContainKey("dpl.deelpoort.trace_derived");
        assertThat(a.keySet()).allMatch(k -> k.startsWith("dpl.")).doesNotHaveDuplicates();
    }

    @Test
    void withoutATraceparentThereIsNoForeignOperation() {
        JsonNode r = JSON.readTree(line(disclosure().build()));
        assertThat(r.has("foreign_operation")).isFalse();
    }

    @Test
    void aRefusalIsUnsetAndAFailedDeliveryIsError() {
        JsonNode refused = JSON.readTree(line(disclosure()
                .decision("DENY")
                .categoriesReleased(List.of())
                .flow(null)
                .agreement(null)
                .build()));
        assertThat(refused.path("status_code").asInt()).isZero();
        assertThat(attributes(refused)
                        .get("dpl.core.processing_activity_id")
                        .path("stringValue")
                        .asString())
                .isEqualTo("https://deelpoort.example.nl/api/v1/register#deelpoort/sharing-decision");
        JsonNode failed = JSON.readTree(
                line(disclosure().kind(EntryKind.DELIVERY_FAILED).decision(null).build()));
        assertThat(failed.path("status_code").asInt()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(EntryKind.class)
    void everyKindOfEntryIsAValidRecordWithOrWithoutSubjectTraceAndFlow(EntryKind kind) {
        LogEntry full = disclosure().kind(kind).callerSpanId(CALLER_SPAN).build();
        LogEntry bare = LogEntry.builder(kind)
                .seq(7)
                .registeredAt(Instant.parse("2026-01-02T03:04:05.006Z"))
                .attributes(Map.of("scope", "all"))
                .build();
        assertThat(LogboekSchema.problems(line(full))).as(kind + " full").isEmpty();
        assertThat(LogboekSchema.problems(line(bare))).as(kind + " bare").isEmpty();
        JsonNode r = JSON.readTree(line(bare));
        assertThat(attributes(r)
                        .get("dpl.deelpoort.trace_derived")
                        .path("boolValue")
                        .asBoolean())
                .as("an entry without a request gets derived ids, and says so")
                .isTrue();
        assertThat(r.path("trace_id").asString())
                .isEqualTo(JSON.readTree(line(bare)).path("trace_id").asString());
    }

    /** The export as it was before it followed the standard: every difference must fail the check. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "parent_span_id null",
                "status as text",
                "attributes as an object",
                "attribute outside dpl.",
                "subject without its type",
                "processing activity not a URI",
                "trace id too short",
                "time without milliseconds",
                "foreign operation without entity",
                "unknown field",
                "two subjects",
                "attribute value not an AnyValue"
            })
    void theSchemaRefusesWhatTheStandardDoesNotAllow(String change) {
        ObjectNode r = (ObjectNode)
                JSON.readTree(line(disclosure().callerSpanId(CALLER_SPAN).build()));
        assertThat(LogboekSchema.problems(r.toString())).isEmpty();
        ArrayNode attributes = (ArrayNode) r.get("attributes");
        switch (change) {
            case "parent_span_id null" -> r.putNull("parent_span_id");
            case "status as text" -> r.put("status_code", "OK");
            case "attributes as an object" ->
                r.set("attributes", JSON.createObjectNode().put("dpl.core.x", "y"));
            case "attribute outside dpl." -> ((ObjectNode) attributes.get(3)).put("key", "deelpoort.seq");
            case "subject without its type" -> attributes.remove(2);
            case "processing activity not a URI" ->
                ((ObjectNode) attributes.get(0).get("value")).put("stringValue", "convenant-plusteam-2026/F1");
            case "trace id too short" -> r.put("trace_id", "4bf92f3577b34da6");
            case "time without milliseconds" -> r.put("start_time", "2026-11-22T10:15:30Z");
            case "foreign operation without entity" -> ((ObjectNode) r.get("foreign_operation")).remove("entity");
            case "unknown field" -> r.put("status", "OK");
            case "two subjects" -> attributes.add(attributes.get(1).deepCopy());
            case "attribute value not an AnyValue" -> ((ObjectNode) attributes.get(3)).put("value", 41);
            default -> throw new IllegalArgumentException(change);
        }
        assertThat(LogboekSchema.problems(r.toString())).as(change).isNotEmpty();
    }
}
