package nl.deelpoort.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import nl.deelpoort.ledger.merkle.MerkleHash;
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

    /**
     * SHA-256(0x00 ‖ TYPICAL_0), computed outside Java: a version 1 entry written before salts existed
     * must keep its exact bytes and leaf hash, or every stored leaf and checkpoint would break.
     */
    static final String TYPICAL_0_LEAF_HASH = "cb308f964926215b50b9cb5e5f7c860e0e9ba81c3387259ecf1a285b33d5cf66";

    /** The typical entry with the fixed salt of TestEntries: format version 2, "salt" before "seq". */
    static final String TYPICAL_0_SALTED = TYPICAL_0
            .replace("\"seq\":0,", "\"salt\":\"AAECAwQFBgcICQoLDA0ODw\",\"seq\":0,")
            .replace(",\"v\":1}", ",\"v\":2}");

    /** SHA-256(0x00 ‖ TYPICAL_0_SALTED), computed outside Java. */
    static final String TYPICAL_0_SALTED_LEAF_HASH = "9b206700fbecbdd7b4dd9928bffd20efc991063c8a36099d5ae6e8a1ecd07250";

    /** The minimal entry of minimalEntryOmitsEverythingAbsent, with a salt. */
    static final String MINIMAL_SALTED = "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\","
            + "\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"salt\":\"AAECAwQFBgcICQoLDA0ODw\",\"seq\":7,\"v\":2}";

    @Test
    void encodesTheTypicalEntryExactlyAsDocumented() {
        byte[] bytes = LogEntryCodec.encode(TestEntries.typical(0));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(TYPICAL_0);
        assertThat(LogEntryCodec.decode(bytes)).isEqualTo(TestEntries.typical(0));
    }

    @Test
    void aVersionOneEntryKeepsItsBytesAndLeafHash() {
        LogEntry legacy = LogEntryCodec.decode(TYPICAL_0.getBytes(StandardCharsets.UTF_8));
        assertThat(legacy.salt()).isNull();
        assertThat(LogEntryCodec.version(legacy)).isEqualTo(1);
        byte[] bytes = LogEntryCodec.encode(legacy);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(TYPICAL_0);
        assertThat(HexFormat.of().formatHex(MerkleHash.leafHash(bytes))).isEqualTo(TYPICAL_0_LEAF_HASH);
        // Re-sequencing without a salt (the old two-argument form) keeps the entry at version 1.
        assertThat(legacy.sequenced(0, legacy.registeredAt())).isEqualTo(legacy);
    }

    @Test
    void encodesASaltedEntryAsVersionTwo() {
        LogEntry e = TestEntries.typicalSalted(0);
        byte[] bytes = LogEntryCodec.encode(e);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(TYPICAL_0_SALTED);
        assertThat(HexFormat.of().formatHex(MerkleHash.leafHash(bytes))).isEqualTo(TYPICAL_0_SALTED_LEAF_HASH);
        assertThat(LogEntryCodec.version(e)).isEqualTo(2);
        assertThat(LogEntryCodec.decode(bytes)).isEqualTo(e);
        assertThat(LogEntryCodec.decode(bytes).salt()).isEqualTo(TestEntries.SALT);

        LogEntry minimal = LogEntry.builder(EntryKind.AUDIT_QUERY)
                .seq(7)
                .registeredAt(Instant.parse("2026-01-02T03:04:05Z"))
                .salt(TestEntries.SALT)
                .build();
        assertThat(new String(LogEntryCodec.encode(minimal), StandardCharsets.UTF_8))
                .isEqualTo(MINIMAL_SALTED);
        assertThat(LogEntryCodec.decode(MINIMAL_SALTED.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(minimal);
    }

    @Test
    void entriesThatDifferOnlyInSaltHaveDifferentLeafHashes() {
        SecureRandom random = new SecureRandom();
        LogEntry e = TestEntries.typical(0);
        Set<String> leaves = new HashSet<>();
        leaves.add(HexFormat.of().formatHex(MerkleHash.leafHash(LogEntryCodec.encode(e))));
        for (int i = 0; i < 100; i++) {
            LogEntry salted = e.sequenced(0, e.registeredAt(), LogEntry.newSalt(random));
            assertThat(salted.toBuilder().salt(null).build()).isEqualTo(e);
            leaves.add(HexFormat.of().formatHex(MerkleHash.leafHash(LogEntryCodec.encode(salted))));
        }
        assertThat(leaves).hasSize(101);
        LogEntry a = e.toBuilder().salt(TestEntries.SALT).build();
        LogEntry b = e.toBuilder().salt("AAECAwQFBgcICQoLDA0OEA").build();
        assertThat(MerkleHash.leafHash(LogEntryCodec.encode(a)))
                .isNotEqualTo(MerkleHash.leafHash(LogEntryCodec.encode(b)));
    }

    @Test
    void newSaltsAre128RandomBitsInBase64url() {
        SecureRandom random = new SecureRandom();
        Set<String> salts = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String salt = LogEntry.newSalt(random);
            assertThat(salt).hasSize(22).matches("[A-Za-z0-9_-]{21}[AQgw]");
            assertThat(LogEntry.isSalt(salt)).isTrue();
            salts.add(salt);
        }
        assertThat(salts).hasSize(1000);
    }

    @Test
    void sequencingSetsSeqTimeAndSaltAndToBuilderKeepsTheSalt() {
        LogEntry e = TestEntries.typical(0);
        Instant at = Instant.parse("2027-01-01T00:00:00.001Z");
        LogEntry s = e.sequenced(42, at, TestEntries.SALT);
        assertThat(s.seq()).isEqualTo(42);
        assertThat(s.registeredAt()).isEqualTo(at);
        assertThat(s.salt()).isEqualTo(TestEntries.SALT);
        assertThat(s.toBuilder().build()).isEqualTo(s);
        assertThat(s.sequenced(43, at).salt()).isEqualTo(TestEntries.SALT);
        assertThat(s.toBuilder().purpose("OTHER").build().salt()).isEqualTo(TestEntries.SALT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AAECAwQFBgcICQoLDA0O", // 15 bytes: fewer than 128 bits
                "AAECAwQFBgcICQoLDA0ODw==", // padded
                "AAECAwQFBgcICQoLDA0ODx", // stray bits in the last character: not the canonical encoding
                "AAECAwQFBgcICQoLDA0OD+", // standard base64, not base64url
                "AAECAwQFBgcICQoLDA0OD/",
                "AAECAwQFBgcICQoLDA0OD", // impossible length
                "AAECAwQFBgcI CQoLDA0ODw",
                ""
            })
    void refusesSaltsThatAreNotCanonicalBase64urlOfAtLeast128Bits(String salt) {
        assertThat(LogEntry.isSalt(salt)).isFalse();
        assertThatThrownBy(
                        () -> LogEntry.builder(EntryKind.AUDIT_QUERY).salt(salt).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("salt");
        String text = MINIMAL_SALTED.replace(TestEntries.SALT, salt);
        assertThatThrownBy(() -> LogEntryCodec.decode(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(LedgerFormatException.class);
    }

    @Test
    void acceptsLongerSalts() {
        String salt = "AAECAwQFBgcICQoLDA0ODxA"; // 17 bytes
        assertThat(LogEntry.isSalt(salt)).isTrue();
        byte[] bytes = MINIMAL_SALTED.replace(TestEntries.SALT, salt).getBytes(StandardCharsets.UTF_8);
        assertThat(LogEntryCodec.encode(LogEntryCodec.decode(bytes))).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // version 1 with a salt, version 2 without one
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"salt\":\"AAECAwQFBgcICQoLDA0ODw\",\"seq\":7,\"v\":1}",
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":2}",
                // version 3 without a caller span, a caller span in version 2 or 1, out of canonical order
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"salt\":\"AAECAwQFBgcICQoLDA0ODw\",\"seq\":7,\"v\":3}",
                "{\"callerSpanId\":\"00f067aa0ba902b7\",\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"salt\":\"AAECAwQFBgcICQoLDA0ODw\",\"seq\":7,\"v\":2}",
                "{\"callerSpanId\":\"00f067aa0ba902b7\",\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":1}",
                "{\"confidential\":false,\"callerSpanId\":\"00f067aa0ba902b7\",\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"salt\":\"AAECAwQFBgcICQoLDA0ODw\",\"seq\":7,\"v\":3}",
                // versions that do not exist
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"salt\":\"AAECAwQFBgcICQoLDA0ODw\",\"seq\":7,\"v\":4}",
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"v\":0}",
                // salt missing its version, out of canonical order, null, not a string, repeated
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"salt\":\"AAECAwQFBgcICQoLDA0ODw\",\"seq\":7}",
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"seq\":7,\"salt\":\"AAECAwQFBgcICQoLDA0ODw\",\"v\":2}",
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"salt\":null,\"seq\":7,\"v\":2}",
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"salt\":1234567890123456,\"seq\":7,\"v\":2}",
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"salt\":\"AAECAwQFBgcICQoLDA0ODw\",\"salt\":\"AAECAwQFBgcICQoLDA0ODw\",\"seq\":7,\"v\":2}",
                // an escaped character in the salt (needless escape)
                "{\"confidential\":false,\"kind\":\"AUDIT_QUERY\",\"registeredAt\":\"2026-01-02T03:04:05.000Z\",\"salt\":\"\\u0041AECAwQFBgcICQoLDA0ODw\",\"seq\":7,\"v\":2}"
            })
    void enforcesTheVersionAndSaltRules(String text) {
        assertThatThrownBy(() -> LogEntryCodec.decode(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(LedgerFormatException.class);
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
    void aCallerSpanMakesVersionThreeAndLeavesEveryOtherEntryAsItWas() {
        LogEntry salted = TestEntries.typicalSalted(0);
        byte[] before = LogEntryCodec.encode(salted);
        LogEntry traced = salted.toBuilder().callerSpanId("b7ad6b7169203331").build();
        String text = new String(LogEntryCodec.encode(traced), StandardCharsets.UTF_8);
        assertThat(LogEntryCodec.version(traced)).isEqualTo(3);
        // "callerSpanId" sorts between "attributes" and "categoriesReleased".
        assertThat(text)
                .contains("\"agreement\":\"convenant-plusteam-2026\",\"callerSpanId\":\"b7ad6b7169203331\","
                        + "\"categoriesReleased\":")
                .endsWith(",\"v\":3}");
        assertThat(LogEntryCodec.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(traced);
        // Without it the entry is byte for byte the version 2 entry it was.
        assertThat(LogEntryCodec.encode(traced.toBuilder().callerSpanId(null).build()))
                .isEqualTo(before);
        assertThat(LogEntryCodec.version(salted)).isEqualTo(2);
    }

    @Test
    void roundTripsRandomEntriesBothWays() {
        Random r = new Random(20261122);
        int[] versions = new int[4];
        for (int i = 0; i < 5000; i++) {
            LogEntry e = TestEntries.random(r);
            byte[] bytes = LogEntryCodec.encode(e);
            LogEntry decoded = LogEntryCodec.decode(bytes);
            assertThat(decoded).as("entry %d", i).isEqualTo(e);
            assertThat(LogEntryCodec.encode(decoded)).as("entry %d", i).isEqualTo(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            String version = e.callerSpanId() != null ? "3" : e.salt() != null ? "2" : "1";
            assertThat(text).as("entry %d", i).endsWith(",\"v\":" + version + "}");
            versions[(int) LogEntryCodec.version(e)]++;
        }
        // Every version is exercised.
        assertThat(versions[1]).isGreaterThan(1000);
        assertThat(versions[2]).isGreaterThan(1000);
        assertThat(versions[3]).isGreaterThan(1000);
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
