package nl.deelpoort.casefile.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ElfproefTest {

    @ParameterizedTest
    @ValueSource(strings = {"999993653", "999990019", "111222333", "123456782"})
    void acceptsNumbersThatPassTheElevenCheck(String bsn) {
        assertThat(Elfproef.isValid(bsn)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"000000000", "999993654", "123456789", "99999365", "9999936530", "99999365a", " 99999365"})
    void rejectsEverythingElse(String candidate) {
        assertThat(Elfproef.isValid(candidate)).isFalse();
    }

    @Test
    void completesEightDigitsWithTheirCheckDigit() {
        assertThat(Elfproef.complete("99999365")).contains("999993653");
        assertThat(Elfproef.complete("99999001")).contains("999990019");
    }

    @Test
    void cannotCompleteWhenTheCheckDigitWouldBeTen() {
        // The weighted sum of 99999007 leaves remainder 10, which no single check digit can cancel.
        assertThat(Elfproef.complete("99999007")).isEmpty();
        assertThatThrownBy(() -> Elfproef.complete("9999")).isInstanceOf(IllegalArgumentException.class);
    }
}
