package nl.deelpoort.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error path answers a problem detail of our types, and none repeats what the request carried:
 * each test puts a BSN where an answer used to echo it (path, query, body value, body key, header)
 * and checks it does not come back, and that there is no {@code instance}.
 */
class ErrorBodiesIT extends IntegrationTest {

    private static final String BSN = "999993653";
    private static final String EVALUATE = "/api/v1/decisions/evaluate";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theErrorPageIsAProblemWithoutPathOrTimestamp() {
        Api.Response r = send(HttpRequest.newBuilder(uri("/error")).header("Accept", "text/html"), null);
        assertThat(r.status()).isEqualTo(404);
        JsonNode body = problem(r, "urn:deelpoort:problem:not-found");
        assertThat(body.has("path")).isFalse();
        assertThat(body.has("timestamp")).isFalse();
        assertThat(body.has("error")).isFalse();
    }

    @Test
    void aRequestTheFirewallRejectsIsAProblemWithoutItsPath() {
        // ';' is rejected by Spring Security's firewall with sendError(400): the container's error page answers.
        Api.Response r = api().get("/api/v1/me;bsn=" + BSN, tokens().user("anna.plusteam"));
        assertThat(r.status()).isEqualTo(400);
        problem(r, "urn:deelpoort:problem:malformed-request");
    }

    @Test
    void aTypeMismatchInThePathNamesTheParameterAndTypeNotTheValue() {
        Api.Response r = api().get("/api/v1/log/entries/" + BSN + "x", tokens().user("kees.beheer"));
        assertThat(r.status()).isEqualTo(400);
        JsonNode body = problem(r, "urn:deelpoort:problem:malformed-request");
        assertThat(body.path("detail").asString()).isEqualTo("Parameter 'seq' must be a whole number.");
        assertThat(body.path("invalidFields").get(0).path("field").asString()).isEqualTo("seq");
    }

    @Test
    void aTypeMismatchInTheQueryNamesTheParameterAndTypeNotTheValue() {
        Api.Response r =
                api().get("/api/v1/log/entries/0/inclusion-proof?treeSize=" + BSN + "x", tokens().user("kees.beheer"));
        assertThat(r.status()).isEqualTo(400);
        JsonNode body = problem(r, "urn:deelpoort:problem:malformed-request");
        assertThat(body.path("detail").asString()).isEqualTo("Parameter 'treeSize' must be a whole number.");
    }

    @Test
    void aNotFoundAnswerDoesNotRepeatABsnFromThePath() {
        Api.Response r = api().get("/api/v1/log/entries/" + BSN, tokens().user("kees.beheer"));
        assertThat(r.status()).isEqualTo(404);
        problem(r, "urn:deelpoort:problem:not-found");
    }

    @Test
    void anUnknownPathOutsideTheApiIsA404ProblemWithoutInstance() {
        Api.Response r = api().get("/" + BSN, null);
        assertThat(r.status()).isEqualTo(404);
        problem(r, "urn:deelpoort:problem:not-found");
    }

    @Test
    void aBodyValueOfTheWrongShapeNamesTheFieldNotTheValueOrItsKeys() {
        Api.Response r = api().post(
                        EVALUATE, tokens().user("anna.plusteam"), "{\"purpose\": {\"" + BSN + "\": \"" + BSN + "\"}}");
        assertThat(r.status()).isEqualTo(400);
        JsonNode body = problem(r, "urn:deelpoort:problem:malformed-request");
        assertThat(body.path("detail").asString()).isEqualTo("Field 'purpose' must be a string.");

        Api.Response nested =
                api().post(EVALUATE, tokens().user("anna.plusteam"), "{\"subject\": {\"bsn\": [\"" + BSN + "\"]}}");
        assertThat(nested.status()).isEqualTo(400);
        assertThat(problem(nested, "urn:deelpoort:problem:malformed-request")
                        .path("detail")
                        .asString())
                .isEqualTo("Field 'subject.bsn' must be a string.");
    }

    @Test
    void aMapKeyIsNotEchoed() {
        String body = "{\"payload\": {\"" + BSN + "\": " + "9".repeat(1200) + "}}";
        Api.Response r = api().post("/api/v1/transfers", tokens().user("anna.plusteam"), body);
        assertThat(r.status()).isEqualTo(400);
        problem(r, "urn:deelpoort:problem:malformed-request");
    }

    @Test
    void anUnknownPropertyNameIsNotEchoed() {
        Api.Response r = api().post(EVALUATE, tokens().user("anna.plusteam"), "{\"" + BSN + "\": true}");
        assertThat(r.status()).isBetween(400, 499);
        problem(
                r,
                r.status() == 400
                        ? "urn:deelpoort:problem:malformed-request"
                        : "urn:deelpoort:problem:invalid-request");
    }

    @Test
    void brokenJsonIsNotQuoted() {
        // The broken number in a field the contract does not know: the reader must tokenise it to skip
        // it (a number where a string belongs would be refused as of the wrong type before that).
        Api.Response r = api().post(
                        EVALUATE,
                        tokens().user("anna.plusteam"),
                        "{\"purpose\": \"ESCALATION\", \"note\": " + BSN + "x}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).doesNotContain(BSN);
        assertThat(problem(r, "urn:deelpoort:problem:malformed-request")
                        .path("detail")
                        .asString())
                .isEqualTo("The body is not valid JSON.");
    }

    @Test
    void textAfterTheBodyIsRefusedWithoutQuotingIt() {
        Api.Response r = api().post(EVALUATE, tokens().user("anna.plusteam"), "{} \"" + BSN + "\"");
        assertThat(r.status()).isEqualTo(400);
        problem(r, "urn:deelpoort:problem:malformed-request");
    }

    @Test
    void anUnsupportedContentTypeIsNotQuoted() {
        Api.Response r = send(
                HttpRequest.newBuilder(uri(EVALUATE))
                        .header("Authorization", "Bearer " + tokens().user("anna.plusteam"))
                        .header("Content-Type", "application/x-" + BSN),
                "{}");
        assertThat(r.status()).isEqualTo(415);
        problem(r, "urn:deelpoort:problem:unsupported-media-type");
    }

    /**
     * {@code "categories": [null]} binds to a list holding null; turning that into "categories[0]:
     * is required" is the decision feature's validator's job ({@code ExchangeQuestion}). Here: it is
     * never a 500 and never echoes.
     */
    @Test
    void aNullInAListOfEnumsIsA4xxNamingTheField() {
        Api.Response r = api().post(
                        EVALUATE,
                        tokens().user("anna.plusteam"),
                        "{\"purpose\": \"ACCOUNTABILITY\", \"actingRole\": \"CARE_PROVIDER\", \"holder\": \"plusteam\","
                                + " \"recipient\": \"gemeente-geldrop-mierlo\", \"categories\": [null]}");
        assertThat(r.status()).as(r.body()).isBetween(400, 499);
        assertThat(r.body()).contains("categories[0]");
        problem(
                r,
                r.status() == 400
                        ? "urn:deelpoort:problem:malformed-request"
                        : "urn:deelpoort:problem:invalid-request");
    }

    /** A problem detail of the given type that holds neither the BSN nor an {@code instance}. */
    private static JsonNode problem(Api.Response r, String type) {
        assertThat(r.contentType()).as(r.body()).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("type").asString()).as(r.body()).isEqualTo(type);
        assertThat(body.has("instance")).as(r.body()).isFalse();
        assertThat(r.body()).doesNotContain(BSN);
        return body;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Api.Response send(HttpRequest.Builder request, String body) {
        request.timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.POST(HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> r =
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
