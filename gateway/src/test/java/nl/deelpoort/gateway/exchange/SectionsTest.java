package nl.deelpoort.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import nl.deelpoort.policy.Category;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class SectionsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Category> F4 = EnumSet.of(Category.BSN, Category.CARE_DEPLOYED);

    @Test
    void onlyReleasedSectionsAreCopied() {
        ObjectNode out = Sections.released(
                json("{\"BSN\":\"999993653\",\"CARE_DEPLOYED\":[{\"care\":\"x\"}],\"HEALTH\":{\"d\":1},"
                        + "\"SUPPORT_PLAN\":{\"goals\":[]}}"),
                F4);
        assertThat(out.propertyNames()).containsExactly("BSN", "CARE_DEPLOYED");
        assertThat(out.path("CARE_DEPLOYED").get(0).path("care").asString()).isEqualTo("x");
    }

    @Test
    void unknownAndWronglyCasedKeysAreNotSections() {
        ObjectNode out =
                Sections.released(json("{\"BSN\":\"1\",\"SHOE_SIZE\":44,\"care_deployed\":[1],\"Health\":{}}"), F4);
        assertThat(out.propertyNames()).containsExactly("BSN");
    }

    @Test
    void aWithheldSectionHiddenInsideAReleasedOneIsLeftOut() {
        ObjectNode out = Sections.released(
                json("{\"CARE_DEPLOYED\":{\"items\":[{\"care\":\"x\",\"SAFETY\":{\"signal\":\"s\"}}],"
                        + "\"sections\":{\"SAFETY\":{\"signal\":\"s\"},\"BSN\":\"2\"},\"HEALTH\":\"h\"}}"),
                F4);
        JsonNode care = out.path("CARE_DEPLOYED");
        assertThat(care.toString()).doesNotContain("SAFETY", "signal", "HEALTH");
        assertThat(care.path("items").get(0).path("care").asString()).isEqualTo("x");
        assertThat(care.path("sections").path("BSN").asString())
                .as("a released category nested elsewhere is harmless")
                .isEqualTo("2");
    }

    @Test
    void nothingReleasedIsAnEmptyObject() {
        assertThat(Sections.released(json("{\"BSN\":\"1\"}"), Set.of())).isEmpty();
        assertThat(Sections.released(json("[1,2]"), F4)).isEmpty();
        assertThat(Sections.released(null, F4)).isEmpty();
    }

    @Test
    void theInputIsLeftAsItWas() {
        JsonNode in = json("{\"BSN\":\"1\",\"CARE_DEPLOYED\":{\"SAFETY\":1}}");
        String before = in.toString();
        ObjectNode out = Sections.released(in, F4);
        ((ObjectNode) out.path("CARE_DEPLOYED")).put("added", true);
        assertThat(in.toString()).isEqualTo(before);
    }

    @Test
    void explicitNullsAreNotReleased() {
        assertThat(Sections.released(json("{\"BSN\":null,\"CARE_DEPLOYED\":[]}"), F4)
                        .propertyNames())
                .containsExactly("CARE_DEPLOYED");
    }

    private static JsonNode json(String s) {
        return JSON.readTree(s);
    }
}
