package nl.deelpoort.ledger;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;

/**
 * The canonical bytes of a {@link LogEntry}: an RFC 8785 (JCS) JSON object, UTF-8, no whitespace.
 * The format is described in {@code ledger/README.md} ("Canonical entry format"). In short: a version
 * member, {@code "v":2} for an entry with a {@code salt} and {@code "v":1} for one without (entries
 * written before salts existed keep their exact bytes); absent (null) values and empty lists/maps are
 * omitted, never written as
 * {@code null}/{@code []}/{@code {}}; {@code seq}, {@code registeredAt}, {@code kind} and {@code
 * confidential} are always present; times are {@code yyyy-MM-ddTHH:mm:ss.SSSZ} (UTC, always three
 * fraction digits), dates {@code yyyy-MM-dd}.
 *
 * <p>Decoding is strict: bytes decode only if encoding the result gives back exactly the same bytes,
 * so every entry has exactly one accepted byte form and {@code encode(decode(b)) == b} for every
 * accepted {@code b}.
 */
public final class LogEntryCodec {

    /**
     * The format version of an entry without a salt (every entry written before salts existed). Such an
     * entry is still written, and decoded, exactly as before, so its bytes and leaf hash never change.
     */
    public static final long FORMAT_VERSION = 1;

    /** The format version of an entry with a {@code salt} member: what the sequencer writes now. */
    public static final long FORMAT_VERSION_SALTED = 2;

    private LogEntryCodec() {}

    /** The canonical bytes of an entry. */
    public static byte[] encode(LogEntry e) {
        // Members in canonical (UTF-16) order; ObjectWriter refuses any slip in this order.
        CanonicalJson.ObjectWriter w = CanonicalJson.objectWriter();
        opt(w, "actingRole", e.actingRole());
        opt(w, "agreement", e.agreement());
        if (!e.attributes().isEmpty()) {
            w.member("attributes", new TreeMap<>(e.attributes()));
        }
        optList(w, "categoriesReleased", e.categoriesReleased());
        optList(w, "categoriesRequested", e.categoriesRequested());
        opt(w, "client", e.client());
        w.member("confidential", e.confidential());
        opt(w, "consentId", e.consentId());
        opt(w, "decision", e.decision());
        opt(w, "flow", e.flow());
        opt(w, "holder", e.holder());
        opt(w, "holderRole", e.holderRole());
        w.member("kind", e.kind().name());
        opt(w, "legalBasis", e.legalBasis());
        opt(w, "measureId", e.measureId());
        opt(w, "overrideId", e.overrideId());
        opt(w, "policyVersion", e.policyVersion());
        opt(w, "purpose", e.purpose());
        optList(w, "reasonCodes", e.reasonCodes());
        opt(w, "recipient", e.recipient());
        opt(w, "recipientRole", e.recipientRole());
        opt(w, "referenceId", e.referenceId());
        w.member("registeredAt", formatTime(e.registeredAt()));
        opt(w, "requestingOrganisation", e.requestingOrganisation());
        if (e.retentionUntil() != null) {
            w.member("retentionUntil", e.retentionUntil().toString());
        }
        opt(w, "salt", e.salt());
        w.member("seq", e.seq());
        opt(w, "spanId", e.spanId());
        opt(w, "subjectPseudonym", e.subjectPseudonym());
        opt(w, "traceId", e.traceId());
        opt(w, "user", e.user());
        w.member("v", version(e));
        return w.toBytes();
    }

    /** The format version an entry is written with: 2 if it has a salt, else 1. */
    public static long version(LogEntry e) {
        return e.salt() == null ? FORMAT_VERSION : FORMAT_VERSION_SALTED;
    }

    /** yyyy-MM-ddTHH:mm:ss.SSSZ, written by hand: DateTimeFormatter dominated the encoding time. */
    static String formatTime(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
        char[] c = new char[24];
        digits(c, 0, d.getYear(), 4);
        c[4] = '-';
        digits(c, 5, d.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, d.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, d.getHour(), 2);
        c[13] = ':';
        digits(c, 14, d.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, d.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, d.getNano() / 1_000_000, 3);
        c[23] = 'Z';
        return new String(c);
    }

    /** The inverse of {@link #formatTime}; ranges are checked by LocalDateTime.of. */
    static Instant parseTime(String s) {
        if (s.length() != 24
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':'
                || s.charAt(19) != '.'
                || s.charAt(23) != 'Z') {
            throw new DateTimeException("not yyyy-MM-ddTHH:mm:ss.SSSZ");
        }
        return LocalDateTime.of(
                        number(s, 0, 4),
                        number(s, 5, 2),
                        number(s, 8, 2),
                        number(s, 11, 2),
                        number(s, 14, 2),
                        number(s, 17, 2),
                        number(s, 20, 3) * 1_000_000)
                .toInstant(ZoneOffset.UTC);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int number(String s, int at, int width) {
        int v = 0;
        for (int i = at; i < at + width; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new DateTimeException("not a digit: " + ch);
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    /**
     * Decodes canonical bytes.
     *
     * @throws LedgerFormatException if the bytes are not the canonical form of some entry
     */
    public static LogEntry decode(byte[] canonical) {
        return CanonicalEntryReader.read(canonical);
    }

    private static void opt(CanonicalJson.ObjectWriter w, String name, String value) {
        if (value != null) {
            w.member(name, value);
        }
    }

    private static void optList(CanonicalJson.ObjectWriter w, String name, List<String> value) {
        if (!value.isEmpty()) {
            w.member(name, value);
        }
    }
}
