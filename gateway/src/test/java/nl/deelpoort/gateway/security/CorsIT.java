package nl.deelpoort.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import nl.deelpoort.gateway.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's CORS policy at work, with the one origin the tests' gateway allows ({@link
 * IntegrationTest#ALLOWED_ORIGIN}): a browser on it may call the API and read the contract's headers;
 * a page of any other origin is refused with a problem detail, preflight or not.
 */
class CorsIT extends IntegrationTest {

    private static final String OTHER_ORIGIN = "https://elders.example.com";
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void anAllowedOriginsPreflightIsAnsweredBeforeAuthentication() throws Exception {
        HttpResponse<String> r = preflight(ALLOWED_ORIGIN);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(header(r, "Access-Control-Allow-Methods")).contains("POST");
        assertThat(header(r, "Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization")
                .contains("content-type")
                .contains("traceparent");
        assertThat(header(r, "Access-Control-Max-Age")).isEqualTo("1800");
        assertThat(header(r, "Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void anAllowedOriginReadsTheAnswerAndTheContractsHeaders() throws Exception {
        HttpResponse<String> r = get("/api/v1/me", ALLOWED_ORIGIN, tokens().user("anna.plusteam"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(header(r, "Access-Control-Expose-Headers"))
                .contains("API-Version")
                .contains("X-Disclosure-Id")
                .contains("traceparent");
    }

    @Test
    void anyOtherOriginIsRefusedWithAProblemDetail() throws Exception {
        for (HttpResponse<String> r : java.util.List.of(
                preflight(OTHER_ORIGIN), get("/api/v1/me", OTHER_ORIGIN, tokens().user("anna.plusteam")))) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
            assertThat(header(r, "Access-Control-Allow-Origin")).isNull();
            assertThat(header(r, "Content-Type")).startsWith("application/problem+json");
            JsonNode problem = JsonMapper.builder().build().readTree(r.body());
            assertThat(problem.path("type").asString()).isEqualTo("urn:deelpoort:problem:forbidden");
            assertThat(problem.path("detail").asString()).contains("CORS");
        }
    }

    @Test
    void aCallWithoutAnOriginIsNoCorsRequest() throws Exception {
        HttpResponse<String> r = get("/api/v1/me", null, tokens().user("anna.plusteam"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "Access-Control-Allow-Origin")).isNull();
    }

    private HttpResponse<String> preflight(String origin) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/decisions/evaluate"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", origin)
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization,content-type,traceparent")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String origin, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }
}
