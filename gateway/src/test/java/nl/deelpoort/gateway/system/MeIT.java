package nl.deelpoort.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.keycloak.DemoRealm;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MeIT extends IntegrationTest {

    @Test
    void everyDemoUserIsRecognisedWithOrganisationAndRole() {
        for (DemoRealm.DemoUser user : DemoRealm.USERS) {
            Api.Response r = api().get("/api/v1/me", tokens().user(user.username()));
            assertThat(r.status()).as(user.username()).isEqualTo(200);
            JsonNode me = r.json();
            assertThat(me.path("user").path("username").asString()).isEqualTo(user.username());
            assertThat(me.path("client").asString()).isEqualTo(DemoRealm.CLI_CLIENT);
            assertThat(me.path("roles").toString()).contains(user.realmRole());
            if (user.organisation().isPresent()) {
                assertThat(me.path("organisation").asString())
                        .isEqualTo(user.organisation().get());
            } else {
                assertThat(me.path("organisation").isNull()).as(user.username()).isTrue();
            }
            assertThat(me.path("residentWithBsn").asBoolean())
                    .isEqualTo(user.bsn().isPresent());
            assertThat(r.body()).doesNotContain("999993653");
        }
    }

    @Test
    void partnerSystemActsForItsOrganisation() {
        JsonNode me = api().get("/api/v1/me", tokens().system("porthos")).json();
        assertThat(me.path("organisation").asString()).isEqualTo("porthos");
        assertThat(me.path("client").asString()).isEqualTo("porthos-system");
        assertThat(me.path("roles").toString()).contains("partner-system");
    }

    @Test
    void healthIsOpenAndUp() {
        Api.Response r = api().get("/actuator/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreExported() {
        Api.Response r = api().get("/actuator/prometheus", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("jvm_memory_used_bytes");
    }
}
