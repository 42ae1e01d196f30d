package nl.deelpoort.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void parsesAllValueKinds() {
        Map<String, Object> m = Json.parseObject(
                " {\"a\": [1, -2, 3.5, 1e3, true, false, null], \"b\": {\"c\": \"\\u00e9\\n\\\"\\/\\ud83d\\ude00\"}} ");
        assertThat(m.get("a"))
                .isEqualTo(List.of(1L, -2L, new BigDecimal("3.5"), new BigDecimal("1e3"), true, false, Json.NULL));
        assertThat(m.get("b")).isEqualTo(Map.of("c", "\u00e9\n\"/\ud83d\ude00"));
    }

    @Test
    void keepsLargeIntegersExact() {
        assertThat(Json.parse("123456789012345678901234567890"))
                .isEqualTo(new BigDecimal("123456789012345678901234567890"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{",
                "{\"a\":1,\"a\":2}",
                "{\"a\":1,}",
                "[1,]",
                "01",
                "1.",
                "-",
                "\"\\x\"",
                "\"a\u0001\"",
                "\"abc",
                "tru",
                "{} x",
                "{a:1}",
                "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"
            })
    void refusesMalformedJson(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(LedgerFormatException.class);
    }
}
