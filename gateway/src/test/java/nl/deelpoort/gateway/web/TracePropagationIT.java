package nl.deelpoort.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.deelpoort.gateway.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * W3C trace context at the edge, as Micrometer Tracing's OpenTelemetry propagator applies it: a valid
 * {@code traceparent} is continued with a span of the gateway's own, anything else starts a new trace
 * (https://www.w3.org/TR/trace-context/#traceparent-header). Every answer names the gateway's span,
 * even a 401 from the security filters before any handler ran.
 */
class TracePropagationIT extends IntegrationTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]";

    @ParameterizedTest
    @CsvSource({
        "00-" + TRACE + "-" + PARENT + "-01, 01",
        // The caller did not sample: the gateway does not either, but still continues the trace.
        "00-" + TRACE + "-" + PARENT + "-00, 00",
        // A later version may carry more fields after the four it knows.
        "cc-" + TRACE + "-" + PARENT + "-01-what-the-future-holds, 01",
    })
    void aValidTraceparentIsContinuedWithASpanOfOurOwn(String header, String flags) {
        String[] answer = traceparentAnswering(header).split("-");
        assertThat(answer[0]).isEqualTo("00");
        assertThat(answer[1]).isEqualTo(TRACE);
        assertThat(answer[2]).matches("[0-9a-f]{16}").isNotEqualTo(PARENT);
        assertThat(answer[3]).isEqualTo(flags);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "garbage",
                "00-" + TRACE + "-" + PARENT + "-01-extra", // version 00 has exactly four fields
                "00-" + TRACE + "-" + PARENT, // flags missing
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-" + PARENT + "-01", // upper case
                "00-00000000000000000000000000000000-" + PARENT + "-01", // all-zero trace id
                "00-" + TRACE + "-0000000000000000-01", // all-zero parent id
                "ff-" + TRACE + "-" + PARENT + "-01", // version ff is invalid
                "0x-" + TRACE + "-" + PARENT + "-01", // version not hex
                "00_" + TRACE + "-" + PARENT + "-01", // wrong separator
                "00-" + TRACE + "-" + PARENT + "-zz", // flags not hex
                "cc-" + TRACE + "-" + PARENT + "-01x", // later version, but no dash after flags
            })
    void aMalformedTraceparentStartsANewTrace(String header) {
        String answer = traceparentAnswering(header);
        assertThat(answer).matches(TRACEPARENT);
        assertThat(answer.split("-")[1]).isNotEqualTo(TRACE).isNotEqualTo("00000000000000000000000000000000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/me", "/actuator/health", "/no/such/page"})
    void everyAnswerNamesANewTraceWhenTheCallerSentNone(String path) {
        HttpResponse<String> r = get(path, null);
        assertThat(r.headers().firstValue("traceparent"))
                .hasValueSatisfying(t -> assertThat(t).matches(TRACEPARENT));
    }

    @Test
    void aBodyRefusedAsTooLargeIsTracedToo() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/disclosures"))
                .header("traceparent", "00-" + TRACE + "-" + PARENT + "-01")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[BodySizeLimitFilter.MAX_BODY_BYTES + 1]))
                .build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("traceparent"))
                .hasValueSatisfying(
                        t -> assertThat(t).startsWith("00-" + TRACE + "-").doesNotContain(PARENT));
    }

    /** The answer of an unauthenticated API call (401, from the security filters) to {@code header}. */
    private String traceparentAnswering(String header) {
        HttpResponse<String> r = get("/api/v1/me", header);
        assertThat(r.statusCode()).isEqualTo(401);
        return r.headers().firstValue("traceparent").orElseThrow();
    }

    private HttpResponse<String> get(String path, String traceparent) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
