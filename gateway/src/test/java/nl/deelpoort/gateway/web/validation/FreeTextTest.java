package nl.deelpoort.gateway.web.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FreeTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "nul \u0000",
                "bell \u0007",
                "esc \u001b[31m",
                "del \u007f",
                "c1 \u0085",
                "rlo \u202e",
                "isolate \u2066x\u2069"
            })
    void controlCharactersAreNoText(String value) {
        assertThat(FreeText.Validator.hasControlCharacter(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "tab\tand\nlines\r\n", "emoji 👩‍👧", "zero\u200bwidth", "' OR '1'='1", "ë é ß ĳ"})
    void textWithTabsLineBreaksAndAnyScriptIsText(String value) {
        assertThat(FreeText.Validator.hasControlCharacter(value)).isFalse();
    }
}
