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
    void tooDeepIsNamedWithItsPositionalPath() {
        assertThat(PayloadLimits.check(JSON.readTree("{\"a\":[{\"b\":1}]}"), "payload.CASE_NOTES", 2, 100))
                .contains(new InvalidField("payload.CASE_NOTES{0}[0]", "nests deeper than 2 levels"));
    }

    @Test
    void tooLongAStringIsNamedWithItsPositionalPath() {
        assertThat(PayloadLimits.check(JSON.readTree("{\"x\":1,\"a\":[\"123456\"]}"), "payload.CASE_NOTES", 10, 5))
                .contains(new InvalidField("payload.CASE_NOTES{1}[0]", "holds a string longer than 5 characters"));
    }

    @Test
    void aMemberNameIsNeverRepeatedInTheProblem() {
        // A member name can be a BSN: the path names the member by position, the problem names no value.
        InvalidField problem = PayloadLimits.check(
                        JSON.readTree("{\"999993653\":{\"notes\":\"999993653 woont hier al 12 jaar\"}}"),
                        "payload.CASE_NOTES",
                        10,
                        20)
                .orElseThrow();
        assertThat(problem.field()).isEqualTo("payload.CASE_NOTES{0}{0}");
        assertThat(problem.field() + problem.problem())
                .doesNotContain("999993653")
                .doesNotContain("notes");
    }

    @Test
    void aTooLongMemberNameIsNamedByPosition() {
        InvalidField problem = PayloadLimits.check(
                        JSON.readTree("{\"ok\":1,\"999993653\":1}"), "payload.CASE_NOTES", 10, 5)
                .orElseThrow();
        assertThat(problem)
                .isEqualTo(new InvalidField("payload.CASE_NOTES{1}", "has a member name longer than 5 characters"));
    }
}
