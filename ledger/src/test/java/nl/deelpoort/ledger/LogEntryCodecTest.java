package nl.deelpoort.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogEntryCodecTest {

    /** The exact bytes of the typical entry: the format in ledger/README.md, pinned. */
    static final String TYPICAL_0 = "{\"actingRole\":\"ADVISOR\",\"agreement\":\"convenant-plusteam-2026\","
            + "\"categoriesReleased\":[\"BSN\",\"PERSONALIA\",\"CASE_NOTES\"],"
            + "\"categoriesRequested\":[\"BSN\",\"PERSONALIA\",\"CASE_NOTES\",\"HEALTH\"],"
            + "\"client\":\"plusteam-system\",\"confidential\":false,\"consentId\":\"c-2026-0042\","
            + "\"decision\":\"PARTIAL\",\"flow\":\"F1\",\"holder\":\"gemeente-waalre\",\"holderRole\":\"MUNICIPAL_ACCESS\","
            + "\"kind\":\"DISCLOSURE\",\"legalBasis\":\"CONSENT\","
            + "\"policyVersion\":\"sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
            + "\"purpose\":\"ESCALATION\",\"reasonCodes\":[\"CATEGORY_NOT_IN_FLOW\"],\"recipient\":\"plusteam\","
            + "\"recipientRole\":\"ADVISOR\",\"registeredAt\":\"2026-11-22T10:15:30.123Z\","
            + "\"requestingOrganisation\":\"plusteam\",\"retentionUntil\":\"2041-11-22\",\"seq\":0,"
            + "\"spanId\":\"00f067aa0ba902b7\",\"subjectPseudonym\":\"AFzosPOuSPdRtdXyeEZtcg\","
            + "\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"user\":\"3f1c2b9e-7a4d-4e8b-9c1a-2d5e6f7a8b9c\",\"v\":1}";

    @Test
    void encodesTheTypicalEntryExactlyAsDocumented() {
        byte[] bytes = LogEntryCodec.encode(TestEntries.typical(0));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(TYPICAL_0);
        assertThat(LogEntryCodec.decode(bytes)).isEqualTo(TestEntries.typical(0));
    }

    @Test
    void minimalEntryOmitsEverythingAbsent() {
        LogEntry e = LogEntry.builder(EntryKind.AUDIT_QUERY)
                .seq(7)
                .registeredAt(Instant.parse("2026-01-02T03:04:05Z"))
                .build();
        assertThat(new String(LogEntryCodec.encode(e), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\","
                                + "\"seq\":7,\"v\":1}");
    }

    @Test
    void roundTripsRandomEntriesBothWays() {
        Random r = new Random(20261122);
        for (int i = 0; i < 5000; i++) {
            LogEntry e = TestEntries.random(r);
            byte[] bytes = LogEntryCodec.encode(e);
            LogEntry decoded = LogEntryCodec.decode(bytes);
            assertThat(decoded).as("entry %d", i).isEqualTo(e);
            assertThat(LogEntryCodec.encode(decoded)).as("entry %d", i).isEqualTo(bytes);
        }
    }

    /**
     * The decoder checks canonical form byte by byte instead of re-encoding; this fuzzes that promise:
     * any mutation of valid bytes either fails to decode or is itself the canonical form of its entry.
     */
    @Test
    void everyMutationThatDecodesIsCanonical() {
        Random r = new Random(7);
        byte[] interesting = "\"\\,:{}[]0-1 un/ft\u007f".getBytes(StandardCharsets.UTF_8);
        int decoded = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = LogEntryCodec.encode(TestEntries.random(r));
            byte[] m = mutate(bytes, r, interesting);
            LogEntry entry;
            try {
                entry = LogEntryCodec.decode(m);
            } catch (LedgerFormatException expected) {
                continue;
            }
            decoded++;
            assertThat(new String(LogEntryCodec.encode(entry), StandardCharsets.ISO_8859_1))
                    .as("mutation %d", i)
                    .isEqualTo(new String(m, StandardCharsets.ISO_8859_1));
        }
        // Some mutations (e.g. a changed letter inside a string) must decode, or the test proves little.
        assertThat(decoded).isGreaterThan(1000);
    }

    private static byte[] mutate(byte[] bytes, Random r, byte[] interesting) {
        int at = r.nextInt(bytes.length);
        byte pick = r.nextBoolean() ? interesting[r.nextInt(interesting.length)] : (byte) r.nextInt(256);
        switch (r.nextInt(3)) {
            case 0 -> {
                byte[] m = bytes.clone();
                m[at] = pick;
                return m;
            }
            case 1 -> {
                byte[] m = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, m, 0, at);
                m[at] = pick;
                System.arraycopy(bytes, at, m, at + 1, bytes.length - at);
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

    @Test
    void equalEntriesGiveEqualBytesWhateverCollectionsTheyWereBuiltFrom() {
        Random r = new Random(42);
        for (int i = 0; i < 1000; i++) {
            LogEntry e = TestEntries.random(r);
            Map<String, String> shuffled = new LinkedHashMap<>();
            List<String> keys = new ArrayList<>(e.attributes().keySet());
            java.util.Collections.shuffle(keys, r);
            keys.forEach(k -> shuffled.put(k, e.attributes().get(k)));
            LogEntry copy = e.toBuilder()
                    .reasonCodes(new ArrayList<>(e.reasonCodes()))
                    .categoriesRequested(new ArrayList<>(e.categoriesRequested()))
                    .attributes(shuffled.isEmpty() ? null : new HashMap<>(shuffled))
                    .registeredAt(e.registeredAt().plusNanos(999_999))
                    .build();
            assertThat(copy).isEqualTo(e);
            assertThat(LogEntryCodec.encode(copy)).isEqualTo(LogEntryCodec.encode(e));
        }
    }

    @Test
    void differentEntriesGiveDifferentBytes() {
        LogEntry e = TestEntries.typical(0);
        assertThat(LogEntryCodec.encode(e.sequenced(1, e.registeredAt()))).isNotEqualTo(LogEntryCodec.encode(e));
        assertThat(LogEntryCodec.encode(e.toBuilder().confidential(true).build()))
                .isNotEqualTo(LogEntryCodec.encode(e));
        assertThat(LogEntryCodec.encode(e.toBuilder().consentId("").build())).isNotEqualTo(LogEntryCodec.encode(e));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // whitespace
                "{\"confidential\":false, \"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}",
                // members out of order
                "{\"kind\":\"AUDIT_QUERY\",\"confidential\":false,\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}",
                // explicit null, empty list, empty object
                "{\"confidential\":false,\"flow\":null,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}",
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"reasonCodes\":[],\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}",
                "{\"attributes\":{},\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}",
                // needless escapes
                "{\"confidential\":false,\"kind\":\"AUDIT_\\u0051UERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}",
                "{\"confidential\":false,\"flow\":\"a\\/b\",\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}",
                // numbers and times in another form
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7.0,\"v\":1}",
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05Z\",\"seq\":7,\"v\":1}",
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-02-30T03:04:05.000Z\",\"seq\":7,\"v\":1}",
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":-7,\"v\":1}",
                // wrong version, unknown member, unknown kind, missing member, duplicate member
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":2}",
                "{\"bsn\":\"999993653\",\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}",
                "{\"confidential\":false,\"kind\":\"GOSSIP\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}",
                "{\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}",
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"seq\":7,\"v\":1}",
                // a BSN where the pseudonym belongs, a decision the domain does not know
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"subjectPseudonym\":\"999993653\",\"v\":1}",
                "{\"confidential\":false,\"decision\":\"MAYBE\",\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}",
                // not an object at all, an empty object, upper-case hex, overlong UTF-8 is tested below
                "[]",
                "{}",
                "{\"confidential\":false,\"flow\":\"\\u001F\",\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}",
                "{\"confidential\":false,\"flow\":\"\\u000a\",\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}",
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":07,\"v\":1}",
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":9007199254740992,\"v\":1}",
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"retentionUntil\":\"+2026-01-02\",\"seq\":7,\"v\":1}",
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}\n"
            })
    void refusesBytesThatAreNotTheCanonicalFormOfAnEntry(String text) {
        assertThatThrownBy(() -> LogEntryCodec.decode(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(LedgerFormatException.class);
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] bytes = LogEntryCodec.encode(
                LogEntry.builder(EntryKind.AUDIT_QUERY).flow("\u00e9").build());
        byte[] broken = bytes.clone();
        for (int i = 0; i < broken.length; i++) {
            if (broken[i] == (byte) 0xc3) {
                broken[i] = (byte) 0xff;
            }
        }
        assertThat(LogEntryCodec.decode(bytes).flow()).isEqualTo("\u00e9");
        assertThatThrownBy(() -> LogEntryCodec.decode(broken)).isInstanceOf(LedgerFormatException.class);
        // The overlong two-byte form of 'A' and an encoded surrogate are not UTF-8.
        for (byte[] bad : new byte[][] {{(byte) 0xc1, (byte) 0x81}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}}) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1)
                    .replace("\u00c3\u00a9", new String(bad, StandardCharsets.ISO_8859_1));
            assertThatThrownBy(() -> LogEntryCodec.decode(text.getBytes(StandardCharsets.ISO_8859_1)))
                    .isInstanceOf(LedgerFormatException.class);
        }
    }

    @Test
    void entryValidatesItself() {
        LogEntry.Builder b = LogEntry.builder(EntryKind.DISCLOSURE);
        assertThatThrownBy(() -> b.subjectPseudonym("999993653").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BSN");
        assertThatThrownBy(() ->
                        LogEntry.builder(EntryKind.DISCLOSURE).decision("ALLOW").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogEntry.builder(EntryKind.DISCLOSURE).seq(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogEntry.builder(null).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        LogEntry.builder(EntryKind.DISCLOSURE).flow("\ud800").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogEntry.builder(EntryKind.DISCLOSURE)
                        .reasonCodes(java.util.Arrays.asList("A", null))
                        .build())
                .isInstanceOf(NullPointerException.class);
        assertThat(LogEntry.builder(EntryKind.DISCLOSURE).build().reasonCodes()).isEmpty();
    }
}
