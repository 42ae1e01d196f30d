package nl.deelpoort.gateway.exchange;

import static nl.deelpoort.gateway.exchange.ExchangeFixtures.DISCLOSURES;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.entry;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.freshBsn;
import static nl.deelpoort.gateway.exchange.ExchangeFixtures.pull;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import javax.sql.DataSource;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.ledger.LogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 13's "done when": a pull shows the same trace id in the answer's {@code traceparent}, in the
 * application log line of its decision and in its log entry; the caller's trace is continued, and
 * neither the BSN nor any of the dossier's content reaches the application log.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceCorrelationIT extends IntegrationTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String CALLER_SPAN = "b7ad6b7169203331";

    @Autowired
    DataSource dataSource;

    @Test
    void aPullShowsOneTraceIdInTheAnswerTheApplicationLogAndTheLogEntry(CapturedOutput output) {
        String bsn = freshBsn();
        HttpResponse<String> r =
                ExchangeFixtures.send(ExchangeFixtures.post(port, DISCLOSURES, tokens().user("bram.cmd-gm"))
                        .header("traceparent", "00-" + TRACE + "-" + CALLER_SPAN + "-01")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                Api.json(pull(bsn, "ACCOUNTABILITY", "MUNICIPAL_ACCESS", "plusteam", "BSN"))))
                        .build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);

        String[] traceparent =
                r.headers().firstValue("traceparent").orElseThrow().split("-");
        assertThat(traceparent[1]).isEqualTo(TRACE);
        assertThat(traceparent[2]).matches("[0-9a-f]{16}").isNotEqualTo(CALLER_SPAN);

        LogEntry logged = entry(
                dataSource,
                Long.parseLong(r.headers().firstValue("X-Disclosure-Id").orElseThrow()));
        assertThat(logged.traceId()).isEqualTo(TRACE);
        assertThat(logged.spanId()).isEqualTo(traceparent[2]);

        List<String> lines =
                output.getOut().lines().filter(l -> l.contains(TRACE)).toList();
        assertThat(lines).as("application log lines of the trace").anyMatch(l -> l.contains("Decided PERMIT"));
        assertThat(output.getAll()).as("the application log").doesNotContain(bsn);
        // The stub's synthetic dossier names the subject by BSN; nothing of the answer's body is logged.
        assertThat(output.getAll()).doesNotContain(r.body());
    }
}
