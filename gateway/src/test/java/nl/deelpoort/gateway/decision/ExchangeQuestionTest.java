package nl.deelpoort.gateway.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.deelpoort.gateway.support.TestValidators;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.gateway.web.validation.InputRules;
import nl.deelpoort.gateway.web.validation.RequestValidator;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.FrameworkLoader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The question's constraints: every null, empty or mistyped field is named, and no value is repeated. */
class ExchangeQuestionTest {

    private static final Framework FRAMEWORK = FrameworkLoader.loadDefault();
    private static final RequestValidator REQUESTS = TestValidators.requestValidator(FRAMEWORK);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String BSN = "999993653";

    private static ExchangeQuestion.Body body(List<JsonNode> categories, String overrideId) {
        return new ExchangeQuestion.Body(
                new ExchangeQuestion.Subject(BSN, null),
                "ESCALATION",
                "MUNICIPAL_ACCESS",
                "gemeente-waalre",
                null,
                "plusteam",
                "ADVISOR",
                categories,
                overrideId);
    }

    private static List<InvalidField> refused(ExchangeQuestion.Body body) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> REQUESTS.valid(body));
        assertThat(e).as("refused").isNotNull();
        return e.fields();
    }

    @Test
    void aValidQuestionIsTyped() {
        ExchangeQuestion q = REQUESTS.valid(
                        body(List.of(NODES.stringNode("BSN"), NODES.stringNode("CASE_NOTES")), null))
                .question();
        assertThat(q.categories()).containsExactlyInAnyOrder(Category.BSN, Category.CASE_NOTES);
        assertThat(q.overrideId()).isEmpty();
    }

    @Test
    void aNullCategoryIsRequiredAtItsIndex() {
        List<JsonNode> categories = new ArrayList<>(Arrays.asList(NODES.stringNode("BSN"), null, NODES.nullNode()));
        assertThat(refused(body(categories, null)))
                .containsExactly(
                        new InvalidField("categories[1]", "is required"),
                        new InvalidField("categories[2]", "is required"));
    }

    @Test
    void anEmptyStringOrAWrongTypeInTheListIsNamedWithoutItsValue() {
        List<JsonNode> categories = List.of(
                NODES.stringNode(""),
                NODES.numberNode(999993653),
                NODES.objectNode().put("a", BSN),
                NODES.booleanNode(true));
        List<InvalidField> fields = refused(body(categories, null));
        assertThat(fields)
                .extracting(InvalidField::field)
                .containsExactly("categories[0]", "categories[1]", "categories[2]", "categories[3]");
        assertThat(fields.get(0).problem()).isEqualTo("is required");
        assertThat(fields.get(1).problem()).startsWith("must be a string");
        assertThat(fields.toString()).doesNotContain(BSN);
    }

    @Test
    void nullsAndEmptyStringsAtTheTopAreRequired() {
        ExchangeQuestion.Body body = new ExchangeQuestion.Body(
                new ExchangeQuestion.Subject(null, null), null, "", " ", null, null, null, null, null);
        assertThat(refused(body))
                .extracting(InvalidField::field)
                .containsExactlyInAnyOrder("subject.bsn", "purpose", "actingRole", "holder", "recipient", "categories");
    }

    @Test
    void anOverrideIdMustBeAUuidAndIsNeverRepeated() {
        List<InvalidField> fields = refused(body(List.of(NODES.stringNode("BSN")), BSN));
        assertThat(fields).containsExactly(new InvalidField("overrideId", InputRules.UUID));
    }

    @Test
    void anOverrideIdIsKeptInCanonicalLowerCase() {
        String id = "0F1E2D3C-4B5A-4978-8695-A4B3C2D1E0F9";
        ExchangeQuestion q =
                REQUESTS.valid(body(List.of(NODES.stringNode("BSN")), id)).question();
        assertThat(q.overrideId().map(UUID::toString)).contains(id.toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void tooManyCategoriesAreRefusedAsAWholeNotOneByOne() {
        List<JsonNode> categories = new ArrayList<>();
        for (int i = 0; i <= Category.values().length; i++) {
            categories.add(NODES.numberNode(i));
        }
        assertThat(refused(body(categories, null)))
                .containsExactly(new InvalidField("categories", "at most " + Category.values().length + " categories"));
    }
}
