package nl.deelpoort.gateway.web.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.policy.Purpose;
import org.junit.jupiter.api.Test;

class RequestValidatorTest {

    record Person(
            @NotNull(message = InputRules.REQUIRED) @OneOf(Purpose.class)
            String role,

            @FreeText(max = 5) String name) {}

    record Body(
            @Valid Subject subject,

            @NotBlank(message = InputRules.REQUIRED) @OneOf(Purpose.class)
            String purpose,

            List<@NotNull(message = InputRules.NOT_NULL) @OneOf(Purpose.class) String> purposes,
            List<@Valid @NotNull(message = InputRules.NOT_NULL) Person> people,
            @UuidText String overrideId,
            @IsoDate String from) {}

    record Subject(
            @NotBlank(message = InputRules.REQUIRED) @ValidBsn
            String bsn) {}

    private final RequestValidator validator =
            new RequestValidator(Validation.buildDefaultValidatorFactory().getValidator());

    @Test
    void namesEveryBrokenFieldAsAJsonPathInDeclarationOrder() {
        Body body = new Body(
                new Subject("123456789"),
                "",
                java.util.Arrays.asList("ESCALATION", null, "NOPE"),
                java.util.Arrays.asList(new Person("X", "123456782 is here"), null),
                "not-a-uuid",
                "2026-13-01");

        assertThat(validator.problems(body))
                .containsExactly(
                        new InvalidField("subject.bsn", InputRules.BSN),
                        new InvalidField("purpose", InputRules.REQUIRED),
                        new InvalidField("purposes[1]", InputRules.NOT_NULL),
                        new InvalidField("purposes[2]", InputRules.oneOf(Purpose.class)),
                        new InvalidField("people[0].name", InputRules.atMost(5)),
                        new InvalidField("people[0].role", InputRules.oneOf(Purpose.class)),
                        new InvalidField("people[1]", InputRules.NOT_NULL),
                        new InvalidField("overrideId", InputRules.UUID),
                        new InvalidField("from", InputRules.DATE));
    }

    @Test
    void aValidBodyPassesAndAMissingOneIsNamed() {
        Body ok = new Body(null, "ESCALATION", List.of(), List.of(), null, "2026-01-31");
        assertThat(validator.valid(ok)).isSameAs(ok);
        assertThatThrownBy(() -> validator.valid(null))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.fields()).containsExactly(new InvalidField("", InputRules.BODY_REQUIRED)));
    }

    @Test
    void listIndicesSortAsNumbers() {
        List<String> purposes = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            purposes.add(i == 2 || i == 10 ? "NOPE" : "ESCALATION");
        }
        Body body = new Body(null, "ESCALATION", purposes, null, null, null);
        assertThat(validator.problems(body))
                .extracting(InvalidField::field)
                .containsExactly("purposes[2]", "purposes[10]");
    }

    @Test
    void freeTextRefusesABsnWithoutRepeatingIt() {
        Body body = new Body(null, "ESCALATION", null, List.of(new Person("ESCALATION", "111222333")), null, null);
        assertThat(validator.problems(body))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.problem()).doesNotContain("111222333"));
    }
}
