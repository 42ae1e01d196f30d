package nl.deelpoort.gateway.exchange;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.DISCLOSURES;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.STUB_PLUSTEAM;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.TRANSFERS;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.freshBsn;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.ok;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.pull;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.push;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.transferCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import nl.deelpoort.gateway.logstore.DisclosureLog;
import nl.deelpoort.gateway.logstore.LogUnavailableException;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestServices;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.policy.Category;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import tools.jackson.databind.JsonNode;

/**
 * Log before release: with a disclosure log that cannot commit, no path returns or stores personal
 * data, and a pull does not even ask the file system. Its own Spring context (the log is replaced).
 */
class LogBeforeReleaseIT extends IntegrationTest {

    @MockitoBean
    DisclosureLog disclosureLog;

    @Autowired
    DataSource dataSource;

    @Autowired
    Transfers transfers;

    @BeforeEach
    void logIsDown() {
        when(disclosureLog.append(any(LogEntry.Builder.class)))
                .thenThrow(new LogUnavailableException("test: the log is down"));
        when(disclosureLog.append(any(LogEntry.class))).thenThrow(new LogUnavailableException("test: the log is down"));
    }

    @Test
    void aPullIs503WithoutDataAndTheFileSystemIsNotCalled() {
        String bsn = freshBsn();
        Api.Response r = api().post(
                        DISCLOSURES,
                        tokens().user("bram.cmd-gm"),
                        Api.json(pull(bsn, "ACCOUNTABILITY", "MUNICIPAL_ACCESS", "plusteam", "BSN", "CARE_DEPLOYED")));
        JsonNode problem = ok(r, 503);
        assertThat(problem.path("type").asString()).isEqualTo("urn:deelpoort:problem:log-unavailable");
        assertThat(problem.has("data")).isFalse();
        assertThat(r.body()).doesNotContain(bsn);
        assertThat(r.header("X-Disclosure-Id")).isNull();
        TestServices.get()
                .caseFiles()
                .server()
                .verify(
                        0,
                        postRequestedFor(urlPathEqualTo(STUB_PLUSTEAM))
                                .withRequestBody(matchingJsonPath("$.bsn", equalTo(bsn))));
    }

    @Test
    void aPushIs503AndNothingIsStored() {
        String bsn = freshBsn();
        int before = transferCount(dataSource);
        Api.Response r = api().post(
                        TRANSFERS,
                        tokens().user("anna.plusteam"),
                        Api.json(push(
                                bsn,
                                "PROVISION_APPLICATION",
                                "ADVISOR",
                                "gemeente-geldrop-mierlo",
                                "MUNICIPAL_ACCESS",
                                Map.of("BSN", bsn, "SUPPORT_PLAN", Map.of("advice", "gezinscoach")))));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.body()).doesNotContain(bsn, "gezinscoach", "transferId");
        assertThat(transferCount(dataSource)).isEqualTo(before);
    }

    @Test
    void aFetchIs503WithoutDataAndTheTransferStaysUndelivered() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        transfers.store(
                new Transfer(
                        id,
                        0,
                        "plusteam",
                        "ADVISOR",
                        "gemeente-geldrop-mierlo",
                        "MUNICIPAL_ACCESS",
                        "PROVISION_APPLICATION",
                        List.of(Category.SUPPORT_PLAN),
                        "F3",
                        "PUBLIC_TASK",
                        false,
                        "AAAAAAAAAAAAAAAAAAAAAA",
                        now,
                        now.plusSeconds(3600)),
                "{\"SUPPORT_PLAN\":{\"advice\":\"SEALED-ADVICE\"}}".getBytes(StandardCharsets.UTF_8));
        Api.Response r = api().get(TRANSFERS + "/" + id, tokens().user("bram.cmd-gm"));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.body()).doesNotContain("SEALED-ADVICE");
        assertThat(new JdbcTemplate(dataSource)
                        .queryForObject("SELECT delivered_at IS NULL FROM transfer WHERE id = ?", Boolean.class, id))
                .isTrue();
        new JdbcTemplate(dataSource).update("DELETE FROM transfer WHERE id = ?", id);
    }
}
