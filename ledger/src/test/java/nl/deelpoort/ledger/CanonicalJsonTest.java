package nl.deelpoort.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static String write(Object value) {
        return new String(CanonicalJson.write(value), StandardCharsets.UTF_8);
    }

    @Test
    void sortsMemberNamesByUtf16CodeUnitsAsRfc8785Section323Shows() {
        TreeMap<String, Object> m = new TreeMap<>();
        // The names of the RFC's sorting example; the astral character sorts by its surrogates.
        m.put("\u20ac", "Euro Sign");
        m.put("\r", "Carriage Return");
        m.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
        m.put("1", "One");
        m.put("\ud83d\ude00", "Emoji: Grinning Face");
        m.put("\u0080", "Control");
        m.put("\u00f6", "Latin Small Letter O With Diaeresis");
        assertThat(write(m))
                .isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                        + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                        + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void escapesOnlyWhatRfc8785Section3222Requires() {
        assertThat(write("\u0000\u0001\b\t\n\u000b\f\r\u001f \"\\/\u007f\u00e9\u20ac\ud83d\ude00"))
                .isEqualTo("\"\\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u001f \\\"\\\\/\u007f\u00e9\u20ac\ud83d\ude00\"");
        assertThat(CanonicalJson.write("\u00e9\u20ac\ud83d\ude00"))
                .containsExactly('"', 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, '"');
    }

    @Test
    void writesIntegersBooleansAndArraysPlainly() {
        assertThat(write(List.of(0L, -1L, CanonicalJson.MAX_SAFE_INTEGER, true, false, List.of())))
                .isEqualTo("[0,-1,9007199254740991,true,false,[]]");
    }

    @Test
    void refusesWhatHasNoSingleCanonicalForm() {
        assertThatThrownBy(() -> CanonicalJson.write(CanonicalJson.MAX_SAFE_INTEGER + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write("a\ud800b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write("\udc00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(new HashMap<>(Map.of("a", "b"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(null)).isInstanceOf(IllegalArgumentException.class);
        TreeMap<String, Object> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
        reversed.put("a", "b");
        assertThatThrownBy(() -> CanonicalJson.write(reversed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wellFormednessMatchesWhatTheWriterAccepts() {
        assertThat(CanonicalJson.isWellFormed("plain \ud83d\ude00")).isTrue();
        assertThat(CanonicalJson.isWellFormed("\ud83d")).isFalse();
        assertThat(CanonicalJson.isWellFormed("\ude00\ud83d")).isFalse();
    }
}
