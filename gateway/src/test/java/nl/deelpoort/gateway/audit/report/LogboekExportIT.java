package nl.deelpoort.gateway.audit.report;

import static nl.deelpoort.gateway.audit.report.ReportFixtures.entry;
import static nl.deelpoort.gateway.audit.report.ReportFixtures.freshBsn;
import static nl.deelpoort.gateway.audit.report.ReportFixtures.push;
import static nl.deelpoort.gateway.audit.report.ReportFixtures.pushAdvice;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        assertThat(span.path("trace_id").asString())
                .isEqualTo(adviceEntry.traceId())
                .matches("[0-9a-f]{32}");
        assertThat(span.path("span_id").asString())
                .isEqualTo(adviceEntry.spanId())
                .matches("[0-9a-f]{16}");
        assertThat(span.has("parent_span_id")).isTrue();
        assertThat(span.path("parent_span_id").isNull()).isTrue();
        assertThat(span.path("name").asString()).isEqualTo("deelpoort.transfer");
        assertThat(span.path("start_time").asString())
                .isEqualTo(adviceEntry.registeredAt().toString())
                .isEqualTo(span.path("end_time").asString());
        assertThat(span.path("status").asString()).isEqualTo("OK");
        JsonNode a = span.path("attributes");
        assertThat(a.path("dpl.core.processing_activity_id").asString()).isEqualTo(adviceEntry.agreement() + "/F3");
        assertThat(a.path("dpl.core.data_subject_id").asString()).isEqualTo(adviceEntry.subjectPseudonym());
        assertThat(a.path("dpl.core.data_subject_id_type").asString()).isEqualTo("deelpoort-pseudonym");
        assertThat(a.path("deelpoort.recipient").asString()).isEqualTo("gemeente-geldrop-mierlo");
        assertThat(a.path("deelpoort.categories_released").size()).isEqualTo(3);

        JsonNode denied = bySeq.get(refused);
        assertThat(denied.path("status").asString()).isEqualTo("ERROR");
        assertThat(denied.path("attributes").path("deelpoort.decision").asString())
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
        for (JsonNode s : gm.values()) {
            JsonNode attrs = s.path("attributes");
            assertThat(List.of(
                            attrs.path("deelpoort.requesting_organisation").asString(""),
                            attrs.path("deelpoort.holder").asString(""),
                            attrs.path("deelpoort.recipient").asString("")))
                    .as("entry %s", attrs.path("deelpoort.seq"))
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
                out.put(n.path("attributes").path("deelpoort.seq").asLong(), n);
            }
        }
        return out;
    }
}
