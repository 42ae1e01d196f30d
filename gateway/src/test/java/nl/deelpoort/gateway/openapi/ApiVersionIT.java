package nl.deelpoort.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** {@code API-Version} on every answer under /api, refusals before any controller included; nowhere else. */
class ApiVersionIT extends IntegrationTest {

    private static final String VERSION = "1.0.0";

    @Test
    void everyApiAnswerNamesTheContractsVersion() {
        String token = tokens().user("anna.plusteam");
        Api.Response ok = api().get("/api/v1/me", token);
        Api.Response unauthenticated = api().get("/api/v1/me", null);
        Api.Response refused = api().get("/api/v1/audit/integrity", token);
        Api.Response tooLarge = api().post("/api/v1/decisions/evaluate", token, "[" + " ".repeat(1024 * 1024) + "]");
        Api.Response invalid = api().post("/api/v1/decisions/evaluate", token, "{}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(invalid.status()).isEqualTo(422);
        for (Api.Response r : new Api.Response[] {ok, unauthenticated, refused, tooLarge, invalid}) {
            assertThat(r.header("API-Version")).as(r.status() + " " + r.body()).isEqualTo(VERSION);
        }
    }

    @Test
    void outsideTheApiThereIsNone() {
        assertThat(api().get("/actuator/health", null).header("API-Version")).isNull();
    }
}
