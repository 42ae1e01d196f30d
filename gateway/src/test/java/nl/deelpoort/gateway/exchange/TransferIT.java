package nl.deelpoort.gateway.exchange;

import static nl.deelpoort.gateway.exchange.ExchangeFixtures.INBOX;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.TRANSFERS;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.entry;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.freshBsn;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.latest;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.ok;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.push;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.transferCount;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/** Push, inbox and fetch beyond the scenarios: input limits, who may fetch, purge and expiry. */
class TransferIT extends IntegrationTest {

    private static final int MIB = 1024 * 1024;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransferHousekeeping housekeeping;

    @Autowired
    ExchangeSettings settings;

    @Test
    void aBodyOverOneMibIs413WhetherDeclaredOrChunked() {
        String big = Api.json(advice(freshBsn(), Map.of("BSN", "x", "CASE_NOTES", "a".repeat(MIB))));
        int before = transferCount(dataSource);
        HttpResponse<String> declared =
                ExchangeFixtures.send(ExchangeFixtures.post(port, TRANSFERS, tokens().user("anna.plusteam"))
                        .POST(HttpRequest.BodyPublishers.ofString(big))
                        .build());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("urn:deelpoort:problem:payload-too-large");

        HttpResponse<String> chunked =
                ExchangeFixtures.send(ExchangeFixtures.post(port, TRANSFERS, tokens().user("anna.plusteam"))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                        .build());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(transferCount(dataSource)).isEqualTo(before);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsAccepted() {
        String body = Api.json(advice(freshBsn(), Map.of("ASSESSMENT", Map.of("risk", "laag"))));
        HttpResponse<String> r =
                ExchangeFixtures.send(ExchangeFixtures.post(port, TRANSFERS, tokens().user("anna.plusteam"))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                        .build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    @Test
    void payloadSectionsMustBeKnownCategoriesAndEveryBrokenOneIsNamed() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("BSN", "x");
        payload.put("SHOE_SIZE", 44);
        payload.put("health", Map.of());
        payload.put("ASSESSMENT", null);
        Api.Response r = api().post(TRANSFERS, tokens().user("anna.plusteam"), Api.json(advice(freshBsn(), payload)));
        JsonNode p = ok(r, 422);
        // A key that is not a category is named by its position, never repeated (it could be a BSN).
        assertThat(fields(p)).containsExactlyInAnyOrder("payload", "payload", "payload.ASSESSMENT");
        assertThat(problems(p)).anyMatch(problem -> problem.startsWith("a payload key (key 2) is not a data category"));
        assertThat(problems(p)).anyMatch(problem -> problem.startsWith("a payload key (key 3) is not a data category"));
        assertThat(r.body()).doesNotContain("SHOE_SIZE").doesNotContain("health");
    }

    @Test
    void aPayloadKeyThatIsABsnIsNotEchoed() {
        String bsn = "999993653";
        int before = transferCount(dataSource);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ASSESSMENT", Map.of("risk", "laag"));
        payload.put(bsn, Map.of("notes", "woont op dit adres"));
        Api.Response r = api().post(TRANSFERS, tokens().user("anna.plusteam"), Api.json(advice(freshBsn(), payload)));
        JsonNode p = ok(r, 422);
        assertThat(p.path("type").asString()).isEqualTo("urn:deelpoort:problem:invalid-request");
        assertThat(fields(p)).containsExactly("payload");
        assertThat(r.body()).doesNotContain(bsn).doesNotContain("woont");
        assertThat(transferCount(dataSource)).isEqualTo(before);
    }

    @Test
    void aBsnAsAMemberNameInsideASectionIsNotEchoedEither() {
        String bsn = "999993653";
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("risk", "laag");
        section.put(bsn, "x".repeat(settings.maxStringLength() + 1));
        Api.Response r = api().post(
                        TRANSFERS,
                        tokens().user("anna.plusteam"),
                        Api.json(advice(freshBsn(), Map.of("ASSESSMENT", section))));
        JsonNode p = ok(r, 422);
        assertThat(fields(p)).containsExactly("payload.ASSESSMENT{1}");
        assertThat(r.body()).doesNotContain(bsn);
    }

    @Test
    void nullsAndEmptyStringsInAPushAreEachNamed() {
        String body = "{\"subject\": {\"bsn\": \"\"}, \"purpose\": null, \"actingRole\": \"ADVISOR\","
                + " \"recipient\": \"\", \"recipientRole\": null, \"overrideId\": \"999993653\","
                + " \"payload\": {\"ASSESSMENT\": null, \"BSN\": \"999993653\"}}";
        Api.Response r = api().post(TRANSFERS, tokens().user("anna.plusteam"), body);
        JsonNode p = ok(r, 422);
        assertThat(fields(p))
                .containsExactlyInAnyOrder("subject.bsn", "purpose", "recipient", "overrideId", "payload.ASSESSMENT");
        assertThat(r.body()).doesNotContain("999993653");
    }

    @Test
    void depthAndStringLengthAreBoundedAndTheRuleIsNamed() {
        Object deep = "bottom";
        for (int i = 0; i < settings.maxDepth() + 1; i++) {
            deep = List.of(deep);
        }
        JsonNode tooDeep = ok(
                api().post(
                                TRANSFERS,
                                tokens().user("anna.plusteam"),
                                Api.json(advice(freshBsn(), Map.of("CASE_NOTES", deep)))),
                422);
        assertThat(tooDeep.path("invalidFields").get(0).path("problem").asString())
                .contains("deeper than");

        JsonNode tooLong = ok(
                api().post(
                                TRANSFERS,
                                tokens().user("anna.plusteam"),
                                Api.json(advice(
                                        freshBsn(),
                                        Map.of(
                                                "SUPPORT_PLAN",
                                                Map.of("text", "x".repeat(settings.maxStringLength() + 1)))))),
                422);
        assertThat(tooLong.path("invalidFields").get(0).path("field").asString())
                .as("a member is named by its position, not its name")
                .isEqualTo("payload.SUPPORT_PLAN{0}");
        assertThat(tooLong.path("invalidFields").get(0).path("problem").asString())
                .contains("longer than");
    }

    @Test
    void aTransferNeedsASubjectAndAnotherOrganisationAsRecipient() {
        Map<String, Object> body = advice(freshBsn(), Map.of("ASSESSMENT", Map.of()));
        body.remove("subject");
        body.put("recipient", "plusteam");
        JsonNode p = ok(api().post(TRANSFERS, tokens().user("anna.plusteam"), Api.json(body)), 422);
        assertThat(fields(p)).contains("subject", "recipient");
    }

    @Test
    void anUnknownOrMalformedIdIs404AndTheInboxIsPerOrganisation() {
        String bram = tokens().user("bram.cmd-gm");
        assertThat(api().get(TRANSFERS + "/00000000-0000-0000-0000-000000000000", bram)
                        .status())
                .isEqualTo(404);
        assertThat(api().get(TRANSFERS + "/not-a-uuid", bram).status()).isEqualTo(404);
        assertThat(api().get(INBOX, tokens().user("gert.fg")).status())
                .as("privacy officers see the log, not the data")
                .isEqualTo(403);
    }

    @Test
    void fetchedTransfersArePurgedAfterRetentionAndUnfetchedOnesExpireBothLogged() {
        String purgedId = created(advice(freshBsn(), Map.of("ASSESSMENT", Map.of("risk", "laag"))));
        ok(api().get(TRANSFERS + "/" + purgedId, tokens().user("bram.cmd-gm")), 200);
        String expiredId = created(advice(freshBsn(), Map.of("ASSESSMENT", Map.of("risk", "midden"))));

        housekeeping.runOnce(Instant.now());
        assertThat(exists(purgedId)).as("within retention").isTrue();
        assertThat(exists(expiredId)).isTrue();

        housekeeping.runOnce(Instant.now().plus(settings.deliveredRetention()).plusSeconds(60));
        assertThat(exists(purgedId)).isFalse();
        assertThat(exists(expiredId)).as("unfetched, not yet expired").isTrue();
        assertThat(loggedFor("TRANSFER_PURGED", purgedId)).isNotNull();

        housekeeping.runOnce(Instant.now().plus(settings.undeliveredExpiry()).plusSeconds(60));
        assertThat(exists(expiredId)).isFalse();
        LogEntry expired = loggedFor("TRANSFER_EXPIRED", expiredId);
        assertThat(expired).isNotNull();
        assertThat(entry(dataSource, Long.parseLong(expired.referenceId())).kind())
                .isEqualTo(EntryKind.TRANSFER);
        assertThat(api().get(TRANSFERS + "/" + purgedId, tokens().user("bram.cmd-gm"))
                        .status())
                .isEqualTo(404);
    }

    private String created(Map<String, Object> body) {
        return ok(api().post(TRANSFERS, tokens().user("anna.plusteam"), Api.json(body)), 201)
                .path("transferId")
                .asString();
    }

    private boolean exists(String id) {
        Integer n = new org.springframework.jdbc.core.JdbcTemplate(dataSource)
                .queryForObject("SELECT count(*) FROM transfer WHERE id = ?::uuid", Integer.class, id);
        return n != null && n > 0;
    }

    private LogEntry loggedFor(String kind, String transferId) {
        return latest(dataSource, kind, 50).stream()
                .filter(e -> transferId.equals(e.attributes().get("transferId")))
                .findFirst()
                .orElse(null);
    }

    private static Map<String, Object> advice(String bsn, Map<String, Object> payload) {
        return push(bsn, "PROVISION_APPLICATION", "ADVISOR", "gemeente-geldrop-mierlo", "MUNICIPAL_ACCESS", payload);
    }

    private static List<String> problems(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.path("invalidFields").forEach(f -> out.add(f.path("problem").asString()));
        return out;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.path("invalidFields").forEach(f -> out.add(f.path("field").asString()));
        return out;
    }
}
