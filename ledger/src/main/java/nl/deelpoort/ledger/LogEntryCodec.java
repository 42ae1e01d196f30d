package nl.deelpoort.ledger;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The canonical bytes of a {@link LogEntry}: an RFC 8785 (JCS) JSON object, UTF-8, no whitespace,
 * one member per {@link EntryField} that the entry has, then the format version {@code "v"}. The
 * format is described in {@code ledger/README.md} ("Canonical entry format"). In short: {@code "v":3}
 * for an entry with a {@code callerSpanId}, {@code "v":2} for one with a {@code salt} and {@code "v":1}
 * for one with neither (entries written before salts or caller spans existed keep their exact bytes); absent (null) values and empty lists/maps are omitted, never written
 * as {@code null}/{@code []}/{@code {}}; {@code seq}, {@code registeredAt}, {@code kind} and {@code
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

    /**
     * The format version of an entry with a {@code callerSpanId} member (the span of a caller that sent
     * a W3C {@code traceparent}). Entries without one keep version 2 (or 1) and their exact bytes.
     */
    public static final long FORMAT_VERSION_CALLER_SPAN = 3;

    /** The name of the format version member; it sorts after every {@link EntryField}'s. */
    static final String VERSION = "v";

    private static final EntryField[] FIELDS = EntryField.values();

    private LogEntryCodec() {}

    /** The canonical bytes of an entry. */
    public static byte[] encode(LogEntry e) {
        // Members in canonical (UTF-16) order; ObjectWriter refuses any slip in this order.
        CanonicalJson.ObjectWriter w = CanonicalJson.objectWriter();
        for (EntryField f : FIELDS) {
            Object value = f.json(e);
            if (value != null) {
                w.member(f.key(), value);
            }
        }
        w.member(VERSION, version(e));
        return w.toBytes();
    }

    /**
     * The members of an entry's canonical form in their order, as a JSON parser would give them back
     * (strings, booleans, longs, lists and maps); what the log endpoints show as the entry's fields.
     */
    public static Map<String, Object> members(LogEntry e) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (EntryField f : FIELDS) {
            Object value = f.json(e);
            if (value != null) {
                members.put(f.key(), value);
            }
        }
        members.put(VERSION, version(e));
        return members;
    }

    /**
     * The format version an entry is written with: the highest {@link EntryField#since} of its members,
     * so 3 if it has a caller span, else 2 if it has a salt, else 1.
     */
    public static long version(LogEntry e) {
        long version = FORMAT_VERSION;
        for (EntryField f : FIELDS) {
            if (f.since() > version && f.json(e) != null) {
                version = f.since();
            }
        }
        return version;
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

    /**
     * True exactly when {@link #decode} accepts the bytes and gives an entry with the given seq; checked
     * on the bytes in place, without making the entry (the offline verifier's hot path). False says
     * nothing about why: {@link #decode} the bytes for the refusal and its message.
     */
    public static boolean isCanonicalEntry(byte[] canonical, long seq) {
        return CanonicalEntryValidator.accepts(canonical, seq);
    }
}
