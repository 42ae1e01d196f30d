package nl.deelpoort.gateway.audit.report;

import static nl.deelpoort.gateway.audit.report.ReportFixtures.entry;
import static nl.deelpoort.gateway.audit.report.ReportFixtures.freshBsn;
import static nl.deelpoort.gateway.audit.report.ReportFixtures.push;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.policy.Framework;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logboek Dataverwerkingen end to end: requests of every kind that writes an entry, sent by a
 * "calling system" with its own {@code traceparent}; each answer names its entry in {@code
 * X-Disclosure-Id}, each entry keeps the caller's trace and span, and the export of the period is
 * valid against the standard's field list line by line, with the caller's span as {@code
 * foreign_operation}.
 */
class LogboekSchemaIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    @Autowired
    DataSource dataSource;

    @Autowired
    LogboekExport export;

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        b[0] |= 1; // never all zeros
        return HEX.formatHex(b);
    }

    /** One request's answer: the entry it names exists and carries the caller's trace and span. */
    private LogEntry named(Api.Response r, String name, String trace, String callerSpan, EntryKind kind) {
        String disclosureId = r.header("X-Disclosure-Id");
        assertThat(disclosureId).as(name + " answers with X-Disclosure-Id").isNotNull();
        LogEntry e = entry(dataSource, Long.parseLong(disclosureId));
        assertThat(e.kind()).as(name).isEqualTo(kind);
        assertThat(e.traceId()).as(name + ": the caller's trace").isEqualTo(trace);
        assertThat(e.callerSpanId()).as(name + ": the caller's span").isEqualTo(callerSpan);
        assertThat(r.header("traceparent"))
                .as(name + ": the gateway's span, continuing the caller's trace")
                .isEqualTo("00-" + trace + "-" + e.spanId() + "-01");
        return e;
    }

    @Test
    void everyLoggedAnswerNamesItsEntryInTheCallersTraceAndTheExportPassesTheStandardsSchema() {
        Instant from = Instant.now().minus(1, ChronoUnit.SECONDS);
        String trace = hex(16);
        String callerSpan = hex(8);
        Api caller = api().traced("00-" + trace + "-" + callerSpan + "-01");
        String anna = tokens().user("anna.plusteam");
        String bsn = freshBsn();
        Map<Long, String> made = new LinkedHashMap<>();

        // Evaluate about a person: logged as EVALUATION, and the answer says so in its header too.
        Map<String, Object> question = new LinkedHashMap<>();
        question.put("subject", Map.of("bsn", bsn));
        question.put("purpose", "PROVISION_APPLICATION");
        question.put("actingRole", "ADVISOR");
        question.put("holder", "plusteam");
        question.put("recipient", "gemeente-geldrop-mierlo");
        question.put("recipientRole", "MUNICIPAL_ACCESS");
        question.put("categories", List.of("BSN", "PERSONALIA", "SUPPORT_PLAN"));
        Api.Response evaluated = caller.post("/api/v1/decisions/evaluate", anna, Api.json(question));
        assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
        LogEntry evaluation = named(evaluated, "evaluate", trace, callerSpan, EntryKind.EVALUATION);
        assertThat(evaluated.json().path("disclosureId").asLong()).isEqualTo(evaluation.seq());
        made.put(evaluation.seq(), "evaluate");

        // Push (TRANSFER, released) and a refused push (TRANSFER, DENY).
        JsonNode pushed = ReportFixtures.pushAdvice(caller, anna, bsn);
        long transferSeq = pushed.path("disclosureId").asLong();
        LogEntry transfer = entry(dataSource, transferSeq);
        assertThat(transfer.traceId()).isEqualTo(trace);
        assertThat(transfer.callerSpanId()).isEqualTo(callerSpan);
        made.put(transferSeq, "push");
        long refused = push(caller, anna, bsn, "ACCOUNTABILITY", "CARE_PROVIDER", "cbs", "STATISTICS", 403, Map.of());
        assertThat(entry(dataSource, refused).decision()).isEqualTo("DENY");
        assertThat(entry(dataSource, refused).callerSpanId()).isEqualTo(callerSpan);
        made.put(refused, "refused push");

        // The recipient fetches it (RECEIPT).
        Api.Response fetched =
                caller.get("/api/v1/transfers/" + pushed.path("transferId").asString(), tokens().user("bram.cmd-gm"));
        assertThat(fetched.status()).as(fetched.body()).isEqualTo(200);
        made.put(named(fetched, "fetch", trace, callerSpan, EntryKind.RECEIPT).seq(), "fetch");

        // A ground event: the PlusTeam records a consent as its recipient (CONSENT_GIVEN).
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put(
                "subject",
                Map.of(
                        "bsn",
                        freshBsn(),
                        "birthDate",
                        LocalDate.now(Framework.ZONE)
                                .minusYears(40)
                                .minusDays(40)
                                .toString()));
        consent.put("givenBy", List.of(Map.of("role", "SUBJECT")));
        consent.put("purposes", List.of("ESCALATION"));
        consent.put("recipients", List.of("plusteam"));
        consent.put("categories", List.of("BSN", "PERSONALIA", "HOUSEHOLD", "CASE_NOTES"));
        consent.put("method", "WRITTEN");
        consent.put("evidenceReference", "scan-2026-0042");
        Api.Response given = caller.post("/api/v1/consents", anna, Api.json(consent));
        assertThat(given.status()).as(given.body()).isEqualTo(201);
        made.put(
                named(given, "consent", trace, callerSpan, EntryKind.CONSENT_GIVEN)
                        .seq(),
                "consent");

        // An audit query by the PlusTeam's privacy officer (AUDIT_QUERY).
        String hanna = tokens().user("hanna.fg");
        Api.Response searched =
                caller.post("/api/v1/audit/disclosures/search", hanna, Api.json(Map.of("subject", Map.of("bsn", bsn))));
        assertThat(searched.status()).as(searched.body()).isEqualTo(200);
        made.put(
                named(searched, "audit search", trace, callerSpan, EntryKind.AUDIT_QUERY)
                        .seq(),
                "audit search");

        // The export itself, asked for by the calling system too.
        String to = Instant.now().plus(1, ChronoUnit.MINUTES).toString();
        Api.Response exported = caller.get("/api/v1/audit/export/logboek?from=" + from + "&to=" + to, hanna);
        assertThat(exported.status()).as(exported.body()).isEqualTo(200);
        LogEntry exportEntry = named(exported, "export", trace, callerSpan, EntryKind.AUDIT_QUERY);
        assertThat(exportEntry.attributes()).containsEntry("query", "logboek-export");
        assertThat(exported.body()).doesNotContain(bsn);

        // Every line of the period (other tests' entries included) is a valid record of the standard.
        Map<Long, JsonNode> bySeq = new HashMap<>();
        List<String> invalid = new ArrayList<>();
        for (String line : exported.body().split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> problems = LogboekSchema.problems(line);
            if (!problems.isEmpty()) {
                invalid.add(problems + " in " + line);
            }
            JsonNode record = JSON.readTree(line);
            bySeq.put(seq(record), record);
        }
        assertThat(invalid).as("lines failing the standard's schema").isEmpty();

        // Each entry made above is there, in the caller's trace, its span as the foreign operation.
        for (Map.Entry<Long, String> m : made.entrySet()) {
            JsonNode record = bySeq.get(m.getKey());
            assertThat(record).as(m.getValue() + " is in the PlusTeam's export").isNotNull();
            LogEntry e = entry(dataSource, m.getKey());
            assertThat(record.path("trace_id").asString()).as(m.getValue()).isEqualTo(trace);
            assertThat(record.path("span_id").asString()).as(m.getValue()).isEqualTo(e.spanId());
            assertThat(record.has("parent_span_id")).as(m.getValue()).isFalse();
            JsonNode foreign = record.path("foreign_operation");
            assertThat(foreign.path("trace_id").asString()).as(m.getValue()).isEqualTo(trace);
            assertThat(foreign.path("span_id").asString()).as(m.getValue()).isEqualTo(callerSpan);
            assertThat(foreign.path("entity").asString())
                    .as(m.getValue())
                    .isEqualTo("http://localhost:8080/api/v1/agreements#" + e.requestingOrganisation());
            Map<String, String> a = strings(record);
            assertThat(URI.create(a.get("dpl.core.processing_activity_id")).isAbsolute())
                    .as(m.getValue())
                    .isTrue();
            if (e.subjectPseudonym() != null) {
                assertThat(a.get("dpl.core.data_subject_id")).isEqualTo(e.subjectPseudonym());
                assertThat(URI.create(a.get("dpl.core.data_subject_id_type")).isAbsolute())
                        .as(m.getValue())
                        .isTrue();
            }
        }
        assertThat(bySeq.get(transferSeq).path("status_code").asInt())
                .as("a release is OK")
                .isEqualTo(1);
        assertThat(bySeq.get(refused).path("status_code").asInt())
                .as("a refusal is UNSET, not ERROR")
                .isZero();
        assertThat(strings(bySeq.get(transferSeq)).get("dpl.core.processing_activity_id"))
                .isEqualTo("http://localhost:8080/api/v1/register#" + transfer.agreement() + "/F3");

        // Last, Geldrop-Mierlo's officer forgets the subject for their organisation (SUBJECT_FORGOTTEN).
        Api.Response forgot = caller.post(
                "/api/v1/audit/subjects/forget",
                tokens().user("gert.fg"),
                Api.json(Map.of("subject", Map.of("bsn", bsn), "reason", "erasure request")));
        assertThat(forgot.status()).as(forgot.body()).isEqualTo(200);
        LogEntry forgotten = named(forgot, "forget", trace, callerSpan, EntryKind.SUBJECT_FORGOTTEN);
        assertThat(forgot.json().path("disclosureId").asLong()).isEqualTo(forgotten.seq());
        assertThat(LogboekSchema.problems(JSON.writeValueAsString(export.record(forgotten))))
                .isEmpty();
    }

    @Test
    void withoutATraceparentTheEntryHasTheGatewaysOwnTraceAndNoForeignOperation() {
        String anna = tokens().user("anna.plusteam");
        Instant from = Instant.now().minus(1, ChronoUnit.SECONDS);
        long refused =
                push(api(), anna, freshBsn(), "ACCOUNTABILITY", "CARE_PROVIDER", "cbs", "STATISTICS", 403, Map.of());
        LogEntry e = entry(dataSource, refused);
        assertThat(e.traceId()).matches("[0-9a-f]{32}");
        assertThat(e.callerSpanId()).isNull();
        String to = Instant.now().plus(1, ChronoUnit.MINUTES).toString();
        Api.Response exported =
                api().get("/api/v1/audit/export/logboek?from=" + from + "&to=" + to, tokens().user("hanna.fg"));
        JsonNode record = null;
        for (String line : exported.body().split("\n")) {
            if (!line.isEmpty() && seq(JSON.readTree(line)) == refused) {
                assertThat(LogboekSchema.problems(line)).isEmpty();
                record = JSON.readTree(line);
            }
        }
        assertThat(record).isNotNull();
        assertThat(record.path("trace_id").asString()).isEqualTo(e.traceId());
        assertThat(record.has("foreign_operation")).isFalse();
    }

    private static long seq(JsonNode record) {
        for (JsonNode a : record.path("attributes")) {
            if (a.path("key").asString().equals("dpl.deelpoort.seq")) {
                return Long.parseLong(a.path("value").path("intValue").asString());
            }
        }
        throw new AssertionError("no dpl.deelpoort.seq in " + record);
    }

    private static Map<String, String> strings(JsonNode record) {
        Map<String, String> out = new HashMap<>();
        record.path("attributes").forEach(a -> {
            if (a.path("value").has("stringValue")) {
                out.put(
                        a.path("key").asString(),
                        a.path("value").path("stringValue").asString());
            }
        });
        return out;
    }
}
