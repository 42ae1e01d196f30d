package nl.deelpoort.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Entries for tests and benchmarks: one typical disclosure, and random ones for property tests. */
public final class TestEntries {

    public static final String PSEUDONYM = Pseudonyms.pseudonym(new byte[32]);

    /** base64url of the bytes 00 01 .. 0f: a fixed salt, so that salted test vectors can be pinned. */
    public static final String SALT = "AAECAwQFBgcICQoLDA0ODw";

    private TestEntries() {}

    /** A typical PARTIAL disclosure, as the gateway would log it. */
    public static LogEntry typical(long seq) {
        return LogEntry.builder(EntryKind.DISCLOSURE)
                .seq(seq)
                .registeredAt(Instant.parse("2026-11-22T10:15:30.123Z").plusMillis(seq))
                .traceId("4bf92f3577b34da6a3ce929d0e0e4736")
                .spanId("00f067aa0ba902b7")
                .decision("PARTIAL")
                .reasonCodes(List.of("CATEGORY_NOT_IN_FLOW"))
                .purpose("ESCALATION")
                .legalBasis("CONSENT")
                .flow("F1")
                .agreement("convenant-plusteam-2026")
                .policyVersion("sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                .requestingOrganisation("plusteam")
                .actingRole("ADVISOR")
                .user("3f1c2b9e-7a4d-4e8b-9c1a-2d5e6f7a8b9c")
                .client("plusteam-system")
                .holder("gemeente-waalre")
                .holderRole("MUNICIPAL_ACCESS")
                .recipient("plusteam")
                .recipientRole("ADVISOR")
                .subjectPseudonym(PSEUDONYM)
                .categoriesRequested(List.of("BSN", "PERSONALIA", "CASE_NOTES", "HEALTH"))
                .categoriesReleased(List.of("BSN", "PERSONALIA", "CASE_NOTES"))
                .consentId("c-2026-0042")
                .confidential(false)
                .retentionUntil(LocalDate.parse("2041-11-22"))
                .build();
    }

    /** The typical disclosure as the sequencer writes it now: with a salt (format version 2). */
    public static LogEntry typicalSalted(long seq) {
        return typical(seq).toBuilder().salt(SALT).build();
    }

    /**
     * A random entry using the whole value space: every field, odd characters, empty strings; with a
     * salt (of 16 or more bytes) half the time, and a caller span (format version 3) a third of the time.
     */
    public static LogEntry random(Random r) {
        LogEntry.Builder b = LogEntry.builder(EntryKind.values()[r.nextInt(EntryKind.values().length)])
                .seq(r.nextInt(4) == 0 ? r.nextLong(CanonicalJson.MAX_SAFE_INTEGER + 1) : r.nextInt(1_000_000))
                .registeredAt(Instant.ofEpochMilli(r.nextLong(253402300799999L)))
                .confidential(r.nextBoolean());
        b.traceId(maybe(r))
                .spanId(maybe(r))
                .purpose(maybe(r))
                .legalBasis(maybe(r))
                .flow(maybe(r));
        b.agreement(maybe(r))
                .policyVersion(maybe(r))
                .requestingOrganisation(maybe(r))
                .actingRole(maybe(r));
        b.user(maybe(r)).client(maybe(r)).holder(maybe(r)).holderRole(maybe(r)).recipient(maybe(r));
        b.recipientRole(maybe(r)).consentId(maybe(r)).overrideId(maybe(r)).measureId(maybe(r));
        b.referenceId(maybe(r));
        b.decision(r.nextBoolean() ? null : List.of("PERMIT", "PARTIAL", "DENY").get(r.nextInt(3)));
        b.reasonCodes(list(r)).categoriesRequested(list(r)).categoriesReleased(list(r));
        if (r.nextBoolean()) {
            byte[] secret = new byte[32];
            r.nextBytes(secret);
            b.subjectPseudonym(Pseudonyms.pseudonym(secret));
        }
        if (r.nextBoolean()) {
            byte[] salt = new byte[r.nextInt(4) == 0 ? 16 + r.nextInt(17) : 16];
            r.nextBytes(salt);
            b.salt(Base64.getUrlEncoder().withoutPadding().encodeToString(salt));
        }
        if (r.nextInt(3) == 0) {
            b.callerSpanId(text(r));
        }
        if (r.nextBoolean()) {
            b.retentionUntil(LocalDate.ofEpochDay(r.nextInt(2_932_896)));
        }
        if (r.nextBoolean()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = r.nextInt(5); i > 0; i--) {
                attributes.put(text(r), text(r));
            }
            b.attributes(attributes);
        }
        return b.build();
    }

    private static String maybe(Random r) {
        return r.nextInt(3) == 0 ? null : text(r);
    }

    private static List<String> list(Random r) {
        List<String> l = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            l.add(text(r));
        }
        return l;
    }

    /** Text with ASCII, controls, quotes, backslashes, non-ASCII BMP and astral characters. */
    static String text(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) {
            switch (r.nextInt(8)) {
                case 0 -> sb.append((char) r.nextInt(0x20));
                case 1 -> sb.append(r.nextBoolean() ? '"' : '\\');
                case 2 -> sb.append((char) (0x80 + r.nextInt(0x780)));
                case 3 -> sb.append((char) (0x800 + r.nextInt(0xD000)));
                case 4 -> sb.appendCodePoint(0x10000 + r.nextInt(0xFFFFF));
                case 5 -> sb.append('\u007f');
                default -> sb.append((char) (0x20 + r.nextInt(0x5f)));
            }
        }
        return sb.toString();
    }
}
