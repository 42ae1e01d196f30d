package nl.deelpoort.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** What a 400 for an unreadable body says: the field and the rule, never a value or a key. */
class MalformedBodyTest {

    private static final String BSN = "999993653";
    private static final JsonMapper GATEWAY =
            JsonSettings.apply(JsonMapper.builder()).build();
    private static final JsonMapper STRICT = JsonSettings.apply(JsonMapper.builder())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    record Body(
            int count, Integer amount, List<String> items, Map<String, Inner> byKey, Inner inner, Checked checked) {}

    record Inner(Integer value, String name) {}

    /** Like a value type whose constructor refuses input and quotes it in its message. */
    record Checked(String value, String note) {
        Checked {
            if (value != null && !value.startsWith("ok")) {
                throw new IllegalArgumentException("not acceptable: '" + value + "'");
            }
        }
    }

    /** No primitives: a missing property is no error, so the unknown one is what fails. */
    record Loose(Integer amount, Inner inner, Map<String, Inner> byKey) {}

    @Test
    void nullForAPrimitiveNamesTheField() {
        assertThat(describe(GATEWAY, "{\"count\": null}")).isEqualTo("Field 'count' must not be null.");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheFieldAndTheTypeNotTheValue() {
        assertThat(describe(GATEWAY, "{\"amount\": \"" + BSN + "x\"}"))
                .isEqualTo("Field 'amount' must be a whole number.");
        assertThat(describe(GATEWAY, "{\"items\": {\"" + BSN + "\": \"x\"}}"))
                .isEqualTo("Field 'items' must be a list.");
        assertThat(describe(GATEWAY, "{\"inner\": \"" + BSN + "\"}")).isEqualTo("Field 'inner' must be an object.");
        assertThat(describe(GATEWAY, "{\"inner\": {\"name\": {\"" + BSN + "\": 1}}}"))
                .isEqualTo("Field 'inner.name' must be a string.");
    }

    @Test
    void aMapKeyInThePathIsShownAsAStar() {
        assertThat(describe(GATEWAY, "{\"byKey\": {\"" + BSN + "\": {\"value\": \"x\"}}}"))
                .isEqualTo("Field 'byKey.*.value' must be a whole number.");
    }

    @Test
    void anUnknownPropertyIsNotNamed() {
        assertThat(describe(STRICT, "{\"" + BSN + "\": 1}", Loose.class))
                .isEqualTo("The body has a property the contract does not know.");
        assertThat(describe(STRICT, "{\"inner\": {\"" + BSN + "\": 1}}", Loose.class))
                .isEqualTo("Field 'inner' has a property the contract does not know.");
        assertThat(describe(STRICT, "{\"byKey\": {\"k\": {\"" + BSN + "\": 1}}}", Loose.class))
                .isEqualTo("Field 'byKey.*' has a property the contract does not know.");
    }

    /** JsonSettings: a field's JSON type is the contract's, and a key is given once (MalformedRequestsIT). */
    @Test
    void noScalarIsCoercedAndNoKeyIsGivenTwice() {
        assertThat(describe(GATEWAY, "{\"amount\": \"12\"}")).startsWith("Field 'amount' must be a whole number");
        assertThat(describe(GATEWAY, "{\"amount\": 1.5}")).startsWith("Field 'amount' must be a whole number");
        assertThat(describe(GATEWAY, "{\"amount\": true}")).startsWith("Field 'amount' must be a whole number");
        assertThat(describe(GATEWAY, "{\"inner\": {\"name\": 12}}")).isEqualTo("Field 'inner.name' must be a string.");
        assertThat(describe(GATEWAY, "{\"inner\": {\"name\": false}}"))
                .isEqualTo("Field 'inner.name' must be a string.");
        assertThat(describe(GATEWAY, "{\"amount\": 1, \"amount\": 2}")).isEqualTo("The body is not valid JSON.");
    }

    @Test
    void aMissingPrimitiveIsNamed() {
        assertThat(describe(GATEWAY, "{}")).isEqualTo("Field 'count' must not be null.");
    }

    @Test
    void aConstructorRefusingTheValueIsA400NamingTheFieldWithoutItsMessage() {
        assertThat(describe(GATEWAY, "{\"checked\": {\"value\": \"" + BSN + "\"}}"))
                .isEqualTo("Field 'checked' has a value the gateway cannot accept.");
    }

    @Test
    void aNumberOutOfRangeNamesTheField() {
        assertThat(describe(GATEWAY, "{\"count\": 99999999999}"))
                .isEqualTo("Field 'count' must be a whole number within its range.");
    }

    @Test
    void brokenJsonAndTrailingTokensDoNotQuoteTheInput() {
        assertThat(describe(GATEWAY, "{\"count\": " + BSN + "x}")).isEqualTo("The body is not valid JSON.");
        assertThat(describe(GATEWAY, "{\"count\": 1} \"" + BSN + "\"")).doesNotContain(BSN);
        assertThat(describe(GATEWAY, "{\"count\": 1} {")).doesNotContain(BSN);
    }

    @Test
    void aParserLimitIsNamedWithoutTheValue() {
        String huge = "9".repeat(1200);
        assertThat(describe(GATEWAY, "{\"byKey\": {\"" + BSN + "\": {\"value\": " + huge + "}}}"))
                .isEqualTo("The body exceeds a limit of the JSON reader (nesting depth, number or string length).");
    }

    @Test
    void aMissingBodyIsSaidSo() {
        assertThat(MalformedBody.describe(
                        new HttpMessageNotReadableException("Required request body is missing", null, input())))
                .isEqualTo("The request body is missing or unreadable.");
    }

    @Test
    void theGatewayMapperStillIgnoresUnknownPropertiesAndReadsValidBodies() {
        Body body = GATEWAY.readValue(
                "{\"count\": 2, \"" + BSN + "\": 1, \"items\": [\"a\", null], \"checked\": {\"value\": \"ok\"}}",
                Body.class);
        assertThat(body.count()).isEqualTo(2);
        assertThat(body.items()).containsExactly("a", null);
    }

    @Test
    void expectedTypesInWords() {
        assertThat(MalformedBody.expected(long.class)).isEqualTo("a whole number");
        assertThat(MalformedBody.expected(Double.class)).isEqualTo("a number");
        assertThat(MalformedBody.expected(Boolean.class)).isEqualTo("true or false");
        assertThat(MalformedBody.expected(UUID.class)).isEqualTo("a UUID");
        assertThat(MalformedBody.expected(LocalDate.class)).isEqualTo("a date (yyyy-MM-dd)");
        assertThat(MalformedBody.expected(Instant.class)).isEqualTo("a date and time (ISO 8601)");
        assertThat(MalformedBody.expected(java.time.DayOfWeek.class)).startsWith("one of [MONDAY");
    }

    private static String describe(JsonMapper mapper, String json) {
        return describe(mapper, json, Body.class);
    }

    private static String describe(JsonMapper mapper, String json, Class<?> type) {
        JacksonException[] thrown = new JacksonException[1];
        assertThatThrownBy(() -> mapper.readValue(json, type))
                .isInstanceOfSatisfying(JacksonException.class, e -> thrown[0] = e);
        String description = MalformedBody.describe(
                new HttpMessageNotReadableException("JSON parse error: " + thrown[0].getMessage(), thrown[0], input()));
        assertThat(description).doesNotContain(BSN);
        return description;
    }

    private static MockHttpInputMessage input() {
        return new MockHttpInputMessage(new byte[0]);
    }
}
