package nl.deelpoort.gateway.console.officer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.deelpoort.gateway.audit.Period;
import nl.deelpoort.gateway.web.InvalidField;
import org.junit.jupiter.api.Test;

class FormErrorsTest {

    @Test
    void theServicesBrokenFieldsBecomeTheFormsFieldsInTheFormsOrder() {
        FormErrors errors = FormErrors.of(
                List.of(
                        new InvalidField("size", "must be between 1 and 200"),
                        new InvalidField("subject.bsn", "must be a valid BSN"),
                        new InvalidField("to", Period.ORDER)),
                LogForm.FIELDS);
        assertThat(errors.fields())
                .containsExactly(
                        Map.entry("bsn", "officer.error.bsn"),
                        Map.entry("to", "officer.error.order"),
                        Map.entry("size", "officer.error.size"));
        assertThat(errors.count()).isEqualTo(3);
    }

    @Test
    void severalFormsOnOnePageGetTheirOwnIdsButShareTheWords() {
        FormErrors errors = FormErrors.of(
                List.of(new InvalidField("note", "must not be blank")), FormErrors.sameNames("verdict", "note"), "-42");
        assertThat(errors.has("note-42")).isTrue();
        assertThat(errors.key("note-42")).isEqualTo("officer.error.note");
        assertThat(errors.has("verdict-42")).isFalse();
    }

    @Test
    void aFieldTheFormCouldNotReadIsAddedOnce() {
        FormErrors errors = FormErrors.NONE.and("size").and("size");
        assertThat(errors.fields()).containsExactly(Map.entry("size", "officer.error.size"));
        assertThat(FormErrors.NONE.any()).isFalse();
    }
}
