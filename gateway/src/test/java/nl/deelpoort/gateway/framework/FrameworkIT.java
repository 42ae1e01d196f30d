package nl.deelpoort.gateway.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FrameworkIT extends IntegrationTest {

    @Test
    void agreementsShowTheFrameworkInForceWithItsVersion() {
        Api.Response r = api().get("/api/v1/agreements", tokens().system("cbs"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode f = r.json();
        assertThat(f.path("policyVersion").asString()).matches("sha256:[0-9a-f]{64}");
        List<String> flows = new ArrayList<>();
        f.path("flows").forEach(n -> flows.add(n.path("id").asString()));
        assertThat(flows).contains("F1", "F4", "F8", "F12");
        List<String> orgs = new ArrayList<>();
        f.path("organisations").forEach(n -> orgs.add(n.path("id").asString()));
        assertThat(orgs).contains("plusteam", "topicus", "veilig-thuis");
    }

    @Test
    void registerListsEachProcessingWithControllerBasisAndRetention() {
        JsonNode reg = api().get("/api/v1/register?on=2026-12-01", tokens().user("gert.fg"))
                .json();
        assertThat(reg.path("on").asString()).isEqualTo("2026-12-01");
        JsonNode f4 = null;
        for (JsonNode p : reg.path("processings")) {
            if (p.path("flowId").asString().equals("F4")) {
                f4 = p;
            }
        }
        assertThat(f4).as("F4 in the register").isNotNull();
        assertThat(f4.path("legalBasis").asString()).isEqualTo("LEGAL_OBLIGATION");
        assertThat(f4.path("controllers").size()).isPositive();
        assertThat(f4.path("retention").asString()).startsWith("P");
    }

    @Test
    void badDateIs400() {
        assertThat(api().get("/api/v1/register?on=yesterday", tokens().user("gert.fg"))
                        .status())
                .isEqualTo(400);
    }
}
