package nl.deelpoort.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BsnTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "999993653",
                "bsn 999993653 please",
                "9999.93.653",
                "999-99-3653",
                "999 993 653",
                "9999\u00a093653",
                "x999993653x",
                "12999993653",
                "ref:999993653-2026",
            })
    void findsABsnHoweverItIsWritten(String text) {
        assertThat(Bsn.appearsIn(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "scan-2026-0042",
                "2026-11-30",
                "999993654",
                "99999365",
                "999 -993 653",
                "999..993.653",
                "erasure request by the resident",
                "000000000",
            })
    void leavesOtherTextAlone(String text) {
        assertThat(Bsn.appearsIn(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"999993654", "12345678", "abcdefghi", "0000000000"})
    void refusesAnInvalidNumberWithoutEchoingIt(String value) {
        assertThatThrownBy(() -> Bsn.of(value))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(value));
    }
}
