package nl.deelpoort.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import nl.deelpoort.gateway.web.InvalidField;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PayloadLimitsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void withinTheLimitsIsFine() {
        assertThat(PayloadLimits.check(JSON.readTree("{\"a\":[{\"b\":\"12345\"}]}"), "payload.CASE_NOTES", 3, 5))
                .isEmpty();
    }

    @Test
    void tooDeepIsNamedWithItsPath() {
        assertThat(PayloadLimits.check(JSON.readTree("{\"a\":[{\"b\":1}]}"), "payload.CASE_NOTES", 2, 100))
                .contains(new InvalidField("payload.CASE_NOTES.a[0]", "nests deeper than 2 levels"));
    }

    @Test
    void tooLongAStringIsNamedWithItsPath() {
        assertThat(PayloadLimits.check(JSON.readTree("{\"a\":[\"123456\"]}"), "payload.CASE_NOTES", 10, 5))
                .contains(new InvalidField("payload.CASE_NOTES.a[0]", "holds a string longer than 5 characters"));
    }
}
