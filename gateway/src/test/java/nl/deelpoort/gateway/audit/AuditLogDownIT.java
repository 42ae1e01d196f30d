package nl.deelpoort.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.util.Map;
import nl.deelpoort.gateway.logstore.DisclosureLog;
import nl.deelpoort.gateway.logstore.LogUnavailableException;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.ledger.LogEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** An audit query that cannot be logged is not answered. Its own Spring context (the log is replaced). */
class AuditLogDownIT extends IntegrationTest {

    @MockitoBean
    DisclosureLog disclosureLog;

    @BeforeEach
    void logIsDown() {
        when(disclosureLog.append(any(LogEntry.Builder.class)))
                .thenThrow(new LogUnavailableException("test: the log is down"));
    }

    @Test
    void everyAuditCallIs503WithoutAResult() {
        String hanna = tokens().user("hanna.fg");
        Api.Response search =
                api().post("/api/v1/audit/disclosures/search", hanna, Api.json(Map.of("purpose", "ESCALATION")));
        assertThat(search.status()).isEqualTo(503);
        assertThat(search.json().path("type").asString()).isEqualTo("urn:deelpoort:problem:log-unavailable");
        assertThat(search.body()).doesNotContain("hits");
        assertThat(search.header("X-Disclosure-Id")).isNull();
        assertThat(api().post(
                                "/api/v1/audit/sample",
                                hanna,
                                Api.json(Map.of("from", "2026-01-01", "to", "2026-03-31", "size", 5, "seed", "s")))
                        .status())
                .isEqualTo(503);
        assertThat(api().get("/api/v1/audit/statistics?from=2026-01-01&to=2026-03-31", hanna)
                        .status())
                .isEqualTo(503);
    }
}
