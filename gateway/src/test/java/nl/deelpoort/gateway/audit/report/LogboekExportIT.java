package nl.deelpoort.gateway.audit.report;

import static nl.deelpoort.gateway.audit.report.ReportFixtures.entry;
import static nl.deelpoort.gateway.audit.report.ReportFixtures.freshBsn;
import static nl.deelpoort.gateway.audit.report.ReportFixtures.push;
import static nl.deelpoort.gateway.audit.report.ReportFixtures.pushAdvice;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Logboek Dataverwerkingen export through the API. */
class LogboekExportIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DataSource dataSource;

    @Test
    void exportsOneSpanPerEntryOfTheOfficersOrganisationWithTheDplAttributes() {
        Instant from = Instant.now().minus(1, ChronoUnit.SECONDS);
        Api api = api();
        String anna = tokens().user("anna.plusteam");
        String bsn = freshBsn();
        long advice = pushAdvice(api, anna, bsn).path("disclosureId").asLong();
        long refused = push(api, anna, bsn, "ACCOUNTABILITY", "CARE_PROVIDER", "cbs", "STATISTICS", 403, Map.of());
        String to = Instant.now().plus(1, ChronoUnit.MINUTES).toString();

        Api.Response r = api.get("/api/v1/audit/export/logboek?from=" + from + "&to=" + to, tokens().user("hanna.fg"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/x-ndjson");
        assertThat(r.body()).doesNotContain(bsn);
        Map<Long, JsonNode> bySeq = lines(r.body());
        LogEntry adviceEntry = entry(dataSource, advice);

        JsonNode span = bySeq.get(advice);
        assertThat(span).as("the advice is in plusteam's export").isNotNull();
        assertThat(LogboekSchema.problems(span.toString())).isEmpty();
        assertThat(span.path("trace_id").asString())
                .isEqualTo(adviceEntry.traceId())
                .matches("[0-9a-f]{32}");
        assertThat(span.path("span_id").asString())
                .isEqualTo(adviceEntry.spanId())
                .matches("[0-9a-f]{16}");
        assertThat(span.has("parent_span_id")).as("absent rather than null").isFalse();
        assertThat(span.path("name").asString()).isEqualTo("deelpoort.transfer");
        assertThat(Instant.parse(span.path("start_time").asString())).isEqualTo(adviceEntry.registeredAt());
        assertThat(span.path("end_time").asString())
                .isEqualTo(span.path("start_time").asString());
        assertThat(span.path("status_code").asInt()).isEqualTo(1);
        Map<String, JsonNode> a = attributes(span);
        assertThat(a.get("dpl.core.processing_activity_id").path("stringValue").asString())
                .isEqualTo("http://localhost:8080/api/v1/register#" + adviceEntry.agreement() + "/F3");
        assertThat(a.get("dpl.core.data_subject_id").path("stringValue").asString())
                .isEqualTo(adviceEntry.subjectPseudonym());
        assertThat(a.get("dpl.core.data_subject_id_type").path("stringValue").asString())
                .isEqualTo("http://localhost:8080/api/v1/register#data-subject-id-type/deelpoort-pseudonym");
        assertThat(a.get("dpl.deelpoort.recipient").path("stringValue").asString())
                .isEqualTo("gemeente-geldrop-mierlo");
        assertThat(a.get("dpl.deelpoort.categories_released")
                        .path("arrayValue")
                        .path("values")
                        .size())
                .isEqualTo(3);

        JsonNode denied = bySeq.get(refused);
        assertThat(denied.path("status_code").asInt())
                .as("a refusal is UNSET, not ERROR")
                .isZero();
        assertThat(attributes(denied)
                        .get("dpl.deelpoort.decision")
                        .path("stringValue")
                        .asString())
                .isEqualTo("DENY");

        long exportSeq = Long.parseLong(r.header("X-Disclosure-Id"));
        LogEntry query = entry(dataSource, exportSeq);
        assertThat(query.kind()).isEqualTo(EntryKind.AUDIT_QUERY);
        assertThat(query.attributes()).containsEntry("query", "logboek-export");

        Api.Response gert =
                api.get("/api/v1/audit/export/logboek?from=" + from + "&to=" + to, tokens().user("gert.fg"));
        assertThat(gert.status()).as(gert.body()).isEqualTo(200);
        Map<Long, JsonNode> gm = lines(gert.body());
        assertThat(gm).containsKey(advice).doesNotContainKey(refused);
        for (Map.Entry<Long, JsonNode> s : gm.entrySet()) {
            Map<String, JsonNode> attrs = attributes(s.getValue());
            assertThat(Stream.of(
                                    "dpl.deelpoort.requesting_organisation",
                                    "dpl.deelpoort.holder",
                                    "dpl.deelpoort.recipient")
                            .map(k -> attrs.containsKey(k)
                                    ? attrs.get(k).path("stringValue").asString()
                                    : "")
                            .toList())
                    .as("entry %s", s.getKey())
                    .contains("gemeente-geldrop-mierlo");
        }
    }

    @Test
    void datesAreWholeDaysAndBadBoundsAreNamed() {
        Api.Response day =
                api().get("/api/v1/audit/export/logboek?from=2020-01-01&to=2020-01-01", tokens().user("hanna.fg"));
        assertThat(day.status()).as(day.body()).isEqualTo(200);
        assertThat(day.body()).isEmpty();
        Api.Response bad = api().get("/api/v1/audit/export/logboek?from=gisteren", tokens().user("hanna.fg"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("from", "to");
        assertThat(api().get("/api/v1/audit/export/logboek?from=2020-01-01&to=2020-01-02", tokens().user("bram.cmd-gm"))
                        .status())
                .isEqualTo(403);
    }

    private static Map<Long, JsonNode> lines(String body) {
        Map<Long, JsonNode> out = new HashMap<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                JsonNode n = JSON.readTree(line);
                out.put(
                        Long.parseLong(attributes(n)
                                .get("dpl.deelpoort.seq")
                                .path("intValue")
                                .asString()),
                        n);
            }
        }
        return out;
    }

    private static Map<String, JsonNode> attributes(JsonNode record) {
        Map<String, JsonNode> out = new HashMap<>();
        record.path("attributes").forEach(a -> out.put(a.path("key").asString(), a.path("value")));
        return out;
    }
}
