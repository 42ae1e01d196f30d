package nl.deelpoort.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the in-place validator against the strict decoder: for every input, {@code
 * isCanonicalEntry(bytes, seq)} must be true exactly when {@code decode(bytes)} succeeds and gives an
 * entry of that seq. Inputs: generated entries of every kind and shape, and byte-level mutations of
 * them (bytes replaced, removed, duplicated, inserted; one or several at a time), plus the corners
 * where a byte-level check could drift from the decoder (calendar days, salts, attribute order in
 * UTF-16, attribute limits).
 */
public class CanonicalEntryValidatorTest {

    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d{1,16})");

    /** The seq the bytes seem to carry (the first "seq" member's digits), or 0: what a verifier might expect. */
    public static long seqIn(byte[] bytes) {
        Matcher m = SEQ.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** Asserts agreement for the seq the bytes carry and for another one; returns whether decode accepted. */
    private static boolean agree(byte[] bytes, String what) {
        LogEntry entry;
        try {
            entry = LogEntryCodec.decode(bytes);
        } catch (LedgerFormatException refused) {
            entry = null;
        }
        long seq = entry != null ? entry.seq() : seqIn(bytes);
        boolean validated = LogEntryCodec.isCanonicalEntry(bytes, seq);
        if (validated != (entry != null)) {
            // Described only on a disagreement: building the message for every input would dominate.
            assertThat(validated)
                    .as(
                            "%s: validator %s, decoder %s: %s",
                            what, validated, entry != null, new String(bytes, StandardCharsets.UTF_8))
                    .isEqualTo(entry != null);
        }
        assertThat(LogEntryCodec.isCanonicalEntry(bytes, seq + 1))
                .as("%s accepted at another seq", what)
                .isFalse();
        return entry != null;
    }

    @Test
    void acceptsEveryGeneratedEntryAtItsSeqOnly() {
        Random r = new Random(20261201);
        for (int i = 0; i < 20_000; i++) {
            LogEntry e = TestEntries.random(r);
            byte[] bytes = LogEntryCodec.encode(e);
            assertThat(LogEntryCodec.isCanonicalEntry(bytes, e.seq()))
                    .as("entry %d", i)
                    .isTrue();
            assertThat(LogEntryCodec.isCanonicalEntry(bytes, e.seq() ^ 1)).isFalse();
        }
        for (EntryKind kind : EntryKind.values()) {
            LogEntry minimal = LogEntry.builder(kind).seq(3).build();
            assertThat(agree(LogEntryCodec.encode(minimal), kind.name())).isTrue();
            assertThat(agree(
                            LogEntryCodec.encode(TestEntries.typicalSalted(9).toBuilder()
                                    .kind(kind)
                                    .build()),
                            kind.name()))
                    .isTrue();
        }
        assertThat(agree(LogEntryCodec.encode(TestEntries.typical(0)), "typical"))
                .isTrue();
        assertThat(agree(
                        LogEntryCodec.encode(TestEntries.typical(0).toBuilder()
                                .seq(CanonicalJson.MAX_SAFE_INTEGER)
                                .build()),
                        "largest seq"))
                .isTrue();
    }

    @Test
    void agreesWithTheStrictDecoderOnMutatedEntries() {
        Random r = new Random(15);
        byte[] interesting = "\"\\,:{}[]0-1 un/ft9AQgw_=+T.Z\u007f".getBytes(StandardCharsets.UTF_8);
        int accepted = 0;
        int total = 0;
        for (int i = 0; i < 60_000; i++) {
            LogEntry e = i % 3 == 0 ? TestEntries.typicalSalted(r.nextInt(1000)) : TestEntries.random(r);
            byte[] bytes = LogEntryCodec.encode(e);
            int mutations = 1 + (r.nextInt(4) == 0 ? r.nextInt(3) : 0);
            for (int m = 0; m < mutations; m++) {
                bytes = mutate(bytes, r, interesting);
            }
            total++;
            if (agree(bytes, "mutation " + i)) {
                accepted++;
            }
        }
        // Many mutations must stay valid (a changed letter in a string), or the test shows little.
        assertThat(accepted).isGreaterThan(total / 10);
        assertThat(accepted).isLessThan(total);
    }

    @Test
    void agreesOnEveryByteOfTheTypicalEntryReplacedRemovedAndDuplicated() {
        byte[] bytes = LogEntryCodec.encode(TestEntries.typicalSalted(42));
        int accepted = 0;
        for (int at = 0; at < bytes.length; at++) {
            byte[] removed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 0, removed, 0, at);
            System.arraycopy(bytes, at + 1, removed, at, bytes.length - at - 1);
            agree(removed, "removed " + at);
            byte[] duplicated = new byte[bytes.length + 1];
            System.arraycopy(bytes, 0, duplicated, 0, at + 1);
            System.arraycopy(bytes, at, duplicated, at + 1, bytes.length - at);
            agree(duplicated, "duplicated " + at);
            for (int v = 0; v < 256; v += 3) {
                byte[] replaced = bytes.clone();
                replaced[at] = (byte) v;
                if (agree(replaced, "replaced " + at + " by " + v)) {
                    accepted++;
                }
            }
        }
        assertThat(accepted).isGreaterThan(1000);
    }

    @Test
    void agreesOnCalendarCornersOfTimesAndDates() {
        byte[] bytes = LogEntryCodec.encode(TestEntries.typical(1));
        String text = new String(bytes, StandardCharsets.UTF_8);
        String time = "2026-11-22T10:15:30.124Z";
        String date = "2041-11-22";
        assertThat(text).contains(time, date);
        int accepted = 0;
        for (String year : List.of("0000", "1900", "2000", "2024", "2026", "9999")) {
            for (int month = 0; month <= 13; month++) {
                for (int day : new int[] {0, 1, 28, 29, 30, 31, 32}) {
                    String d = year + "-" + two(month) + "-" + two(day);
                    accepted += agree(text.replace(date, d).getBytes(StandardCharsets.UTF_8), d) ? 1 : 0;
                    accepted +=
                            agree(text.replace(time, d + "T23:59:59.999Z").getBytes(StandardCharsets.UTF_8), d) ? 1 : 0;
                }
            }
        }
        for (String t : List.of(
                "2026-11-22T24:00:00.000Z",
                "2026-11-22T23:60:00.000Z",
                "2026-11-22T23:59:60.000Z",
                "2026-11-22T23:59:59.99Z",
                "2026-11-22T23:59:59.9999Z",
                "2026-11-22T23:59:59.999+",
                "2026-11-22 23:59:59.999Z",
                "+2026-11-22T23:59:59.999Z",
                "2026-11-22T00:00:00.000Z")) {
            accepted += agree(text.replace(time, t).getBytes(StandardCharsets.UTF_8), t) ? 1 : 0;
        }
        assertThat(accepted).isGreaterThan(100);
    }

    @Test
    void agreesOnSaltsOfEveryLengthAndLastDigit() {
        byte[] bytes = LogEntryCodec.encode(TestEntries.typicalSalted(5));
        String text = new String(bytes, StandardCharsets.UTF_8);
        String digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/";
        int accepted = 0;
        for (int length = 18; length <= 30; length++) {
            for (int last = 0; last < digits.length(); last++) {
                String salt = "AAECAwQFBgcICQoLDA0ODwAQERITFBUW".substring(0, length - 1) + digits.charAt(last);
                accepted += agree(text.replace(TestEntries.SALT, salt).getBytes(StandardCharsets.UTF_8), salt) ? 1 : 0;
            }
        }
        assertThat(accepted).isGreaterThan(20);
    }

    @Test
    void agreesOnPseudonymsAndDecisions() {
        byte[] bytes = LogEntryCodec.encode(TestEntries.typical(5));
        String text = new String(bytes, StandardCharsets.UTF_8);
        String p = TestEntries.PSEUDONYM;
        List<String> pseudonyms = new ArrayList<>();
        for (char c : "AQgwBRhx_-9z=+/.\u00e9".toCharArray()) {
            pseudonyms.add(p.substring(0, 21) + c);
            pseudonyms.add(c + p.substring(1));
        }
        pseudonyms.addAll(List.of(p.substring(1), p + "A", "999993653", ""));
        for (String candidate : pseudonyms) {
            agree(text.replace(p, candidate).getBytes(StandardCharsets.UTF_8), candidate);
        }
        for (String d : List.of("PERMIT", "PARTIAL", "DENY", "MAYBE", "permit", "PERMITS", "PARTIA", "")) {
            agree(text.replace("\"PARTIAL\"", "\"" + d + "\"").getBytes(StandardCharsets.UTF_8), d);
        }
    }

    @Test
    void agreesOnAttributeOrderInUtf16AndTheAttributeLimits() {
        // U+FFFD sorts after U+10000 in UTF-8 but before it in UTF-16 (a surrogate pair): the decoder
        // uses String order, so must the validator.
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("\uFFFD", "a");
        attributes.put(new String(Character.toChars(0x10000)), "b");
        attributes.put("z\\\"", "c");
        attributes.put("z\n", "d");
        byte[] bytes = LogEntryCodec.encode(
                LogEntry.builder(EntryKind.AUDIT_QUERY).attributes(attributes).build());
        assertThat(agree(bytes, "UTF-16 order")).isTrue();
        String text = new String(bytes, StandardCharsets.UTF_8);
        String astral = new String(Character.toChars(0x10000));
        String inUtf16Order = "\"" + astral + "\":\"b\",\"\uFFFD\":\"a\"";
        assertThat(text).contains(inUtf16Order);
        String swapped = text.replace(inUtf16Order, "\"\uFFFD\":\"a\",\"" + astral + "\":\"b\"");
        assertThat(agree(swapped.getBytes(StandardCharsets.UTF_8), "UTF-8 order"))
                .isFalse();

        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < LogEntry.MAX_ATTRIBUTES; i++) {
            many.put("k" + (char) ('A' + i), "v");
        }
        String full = new String(
                LogEntryCodec.encode(
                        LogEntry.builder(EntryKind.AUDIT_QUERY).attributes(many).build()),
                StandardCharsets.UTF_8);
        assertThat(agree(full.getBytes(StandardCharsets.UTF_8), "32 attributes"))
                .isTrue();
        assertThat(agree(
                        full.replace("\"kA\":\"v\"", "\"k0\":\"v\",\"kA\":\"v\"")
                                .getBytes(StandardCharsets.UTF_8),
                        "33"))
                .isFalse();

        for (String unit : List.of("x", "\u00e9", "\u20ac", "\n", "\u0001", new String(Character.toChars(0x1F600)))) {
            int n = LogEntry.MAX_ATTRIBUTE_VALUE_LENGTH / unit.length();
            String longest = unit.repeat(n);
            byte[] at = LogEntryCodec.encode(LogEntry.builder(EntryKind.AUDIT_QUERY)
                    .attributes(Map.of("k", longest))
                    .build());
            assertThat(agree(at, "longest value of " + unit)).isTrue();
            String over = new String(at, StandardCharsets.UTF_8).replace("\"k\":\"", "\"k\":\"" + escaped(unit));
            assertThat(agree(over.getBytes(StandardCharsets.UTF_8), "one more " + unit))
                    .isFalse();
        }
    }

    @Test
    void agreesOnHandWrittenRefusals() {
        String ok = "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\","
                + "\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}";
        assertThat(agree(ok.getBytes(StandardCharsets.UTF_8), "minimal")).isTrue();
        for (String bad : List.of(
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7}",
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":2}",
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1,\"w\":1}",
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":-7,\"v\":1}",
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":07,\"v\":1}",
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":01}",
                "{\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}",
                "{\"confidential\":false,\"flow\":\"\\u0009\",\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}",
                "{\"confidential\":false,\"flow\":\"\\u001f\",\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}",
                "{\"confidential\":false,\"flow\":\"\\u001F\",\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}",
                "{\"confidential\":false,\"flow\":\"\\u0020\",\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}",
                "{\"confidential\":false,\"reasonCodes\":[],\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}",
                "{\"callerSpanId\":\"x\",\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}",
                "{\"callerSpanId\":\"x\",\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":3}",
                "{}",
                "{",
                "")) {
            byte[] b = bad.getBytes(StandardCharsets.UTF_8);
            boolean decodes = agree(b, bad);
            assertThat(decodes).as(bad).isEqualTo(bad.contains("\\u001f") || bad.contains("\"v\":3"));
        }
    }

    private static String escaped(String unit) {
        return switch (unit) {
            case "\n" -> "\\n";
            case "\u0001" -> "\\u0001";
            default -> unit;
        };
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    private static byte[] mutate(byte[] bytes, Random r, byte[] interesting) {
        if (bytes.length == 0) {
            return new byte[] {interesting[r.nextInt(interesting.length)]};
        }
        int at = r.nextInt(bytes.length);
        byte pick = r.nextBoolean() ? interesting[r.nextInt(interesting.length)] : (byte) r.nextInt(256);
        switch (r.nextInt(5)) {
            case 0, 1 -> {
                byte[] m = bytes.clone();
                m[at] = pick;
                return m;
            }
            case 2 -> {
                byte[] m = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, m, 0, at);
                m[at] = pick;
                System.arraycopy(bytes, at, m, at + 1, bytes.length - at);
                return m;
            }
            case 3 -> {
                // Duplicate a byte (or a short run: a repeated member or element).
                int run = Math.min(bytes.length - at, 1 + (r.nextBoolean() ? 0 : r.nextInt(40)));
                byte[] m = Arrays.copyOf(bytes, bytes.length + run);
                System.arraycopy(bytes, at, m, at + run, bytes.length - at);
                return m;
            }
            default -> {
                byte[] m = new byte[bytes.length - 1];
                System.arraycopy(bytes, 0, m, 0, at);
                System.arraycopy(bytes, at + 1, m, at, bytes.length - at - 1);
                return m;
            }
        }
    }
}
