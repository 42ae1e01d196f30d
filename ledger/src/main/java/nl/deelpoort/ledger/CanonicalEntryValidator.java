package nl.deelpoort.ledger;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Checks canonical entry bytes in place, without making a string or a {@link LogEntry}: true exactly
 * when {@link CanonicalEntryReader} would accept the bytes and the entry would carry the expected seq.
 * It repeats, on the bytes, every rule the strict decoder and {@link LogEntry}'s constructor apply: the
 * members the format knows, in canonical order, once each; each value's type; strings without needless
 * escapes, unescaped controls or anything but shortest-form UTF-8; times and dates that exist in the
 * calendar; the subject pseudonym's shape; salts in canonical base64url of at least 128 bits; the
 * decisions; the attributes' number and value length (in UTF-16 code units, as {@code String.length}
 * counts them) and their keys in UTF-16 order; the members every entry has; and a format version that
 * fits the members.
 *
 * <p>False says only "not this entry": the caller decodes strictly to learn why, so the refusal and its
 * message are the decoder's, unchanged. The offline verifier's hot path; {@code
 * CanonicalEntryValidatorTest} checks that it agrees with the strict decoder on valid entries of every
 * shape and on their byte-level mutations.
 */
final class CanonicalEntryValidator {

    private static final EntryField[] FIELDS = EntryField.values();

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Member names in canonical order: every field's key, then "v" (as in the strict reader). */
    private static final byte[][] NAMES = new byte[FIELDS.length + 1][];

    private static final int VERSION_INDEX = FIELDS.length;

    /** The first byte of each name, to skip most candidates with one comparison. */
    private static final byte[] FIRST = new byte[NAMES.length];

    private static final byte[][] KINDS = new byte[EntryKind.values().length][];

    private static final byte[][] DECISIONS = {
        ascii("PERMIT"), ascii("PARTIAL"), ascii("DENY"),
    };

    /** Bit mask of the members every entry has. */
    private static final long ALWAYS;

    /** base64url digit values, -1 for bytes outside the alphabet. */
    private static final byte[] BASE64URL = new byte[256];

    static {
        long always = 0;
        for (EntryField f : FIELDS) {
            NAMES[f.ordinal()] = ascii(f.key());
            if (f.always()) {
                always |= 1L << f.ordinal();
            }
        }
        ALWAYS = always;
        NAMES[VERSION_INDEX] = ascii(LogEntryCodec.VERSION);
        for (int i = 0; i < NAMES.length; i++) {
            FIRST[i] = NAMES[i][0];
        }
        for (EntryKind k : EntryKind.values()) {
            KINDS[k.ordinal()] = ascii(k.name());
        }
        java.util.Arrays.fill(BASE64URL, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64URL[alphabet.charAt(i)] = (byte) i;
        }
    }

    private CanonicalEntryValidator() {}

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * True if {@link LogEntryCodec#decode} accepts the bytes and gives an entry whose seq is {@code
     * expectedSeq}; false in every other case (then decode to learn why).
     */
    static boolean accepts(byte[] b, long expectedSeq) {
        int n = b.length;
        if (n < 2 || b[0] != '{') {
            return false;
        }
        int pos = 1;
        int next = 0;
        long present = 0;
        long needed = LogEntryCodec.FORMAT_VERSION;
        while (true) {
            int k = name(b, pos, next);
            if (k < 0) {
                return false;
            }
            pos += NAMES[k].length + 2;
            if (pos >= n || b[pos] != ':') {
                return false;
            }
            pos++;
            if (k == VERSION_INDEX) {
                // "v" sorts last: the members are all known now.
                if ((present & ALWAYS) != ALWAYS) {
                    return false;
                }
                pos = integer(b, pos, needed);
                return pos >= 0 && pos + 1 == n && b[pos] == '}';
            }
            EntryField f = FIELDS[k];
            pos = value(b, pos, f, expectedSeq);
            if (pos < 0 || pos >= n) {
                return false;
            }
            present |= 1L << k;
            if (f.since() > needed) {
                needed = f.since();
            }
            next = k + 1;
            if (b[pos] != ',') {
                // A '}' here means "v" is missing; anything else is not canonical.
                return false;
            }
            pos++;
        }
    }

    /** The index of the member name at {@code pos} (plain, no escapes), at least {@code from}; else -1. */
    private static int name(byte[] b, int pos, int from) {
        int n = b.length;
        if (pos + 2 >= n || b[pos] != '"') {
            return -1;
        }
        byte first = b[pos + 1];
        for (int k = from; k < NAMES.length; k++) {
            if (FIRST[k] != first) {
                continue;
            }
            byte[] name = NAMES[k];
            int end = pos + 1 + name.length;
            if (end < n && b[end] == '"' && same(b, pos + 1, name)) {
                return k;
            }
        }
        return -1;
    }

    /** True if the bytes at {@code at} are {@code word} (the caller has checked the length fits). */
    private static boolean same(byte[] b, int at, byte[] word) {
        for (int i = 0; i < word.length; i++) {
            if (b[at + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    /** The position after the value of {@code f} at {@code pos}, or -1 if the decoder would refuse it. */
    private static int value(byte[] b, int pos, EntryField f, long expectedSeq) {
        return switch (f) {
            case SALT -> salt(b, pos);
            case DECISION -> oneOf(b, pos, DECISIONS);
            case SUBJECT_PSEUDONYM -> pseudonym(b, pos);
            case KIND -> oneOf(b, pos, KINDS);
            case SEQ -> integer(b, pos, expectedSeq);
            default ->
                switch (f.type()) {
                    case TEXT -> string(b, pos);
                    case TEXT_LIST -> stringArray(b, pos);
                    case TEXT_MAP -> attributes(b, pos);
                    case BOOLEAN -> bool(b, pos);
                    case TIME -> time(b, pos);
                    case DATE -> date(b, pos);
                    // No other field is an integer or a kind.
                    case INTEGER, KIND -> -1;
                };
        };
    }

    /**
     * The position after the JSON string at {@code pos}, or -1 unless it is a string the strict reader
     * accepts: only the escapes RFC 8785 writes, no raw controls, strict shortest-form UTF-8 without
     * surrogates (so the string is well-formed UTF-16 too).
     */
    private static int string(byte[] b, int pos) {
        int n = b.length;
        if (pos >= n || b[pos] != '"') {
            return -1;
        }
        int i = pos + 1;
        while (true) {
            // Eight plain bytes at a time, then straight to the first byte that is not plain.
            if (i + 8 <= n) {
                long special = special((long) LONGS.get(b, i));
                if (special == 0) {
                    i += 8;
                    continue;
                }
                i += Long.numberOfTrailingZeros(special) >>> 3;
            } else if (i >= n) {
                return -1;
            }
            byte c = b[i];
            if (c >= 0x20 && c != '"' && c != '\\') {
                i++;
                continue;
            }
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                i = escape(b, i);
            } else if (c >= 0) {
                return -1; // a raw control
            } else {
                i = utf8(b, i);
            }
            if (i < 0) {
                return -1;
            }
        }
    }

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The high bit of each byte of the word (little-endian) that is not a plain string byte — printable
     * ASCII other than the quote and the backslash — or 0 if all eight are plain. The usual SWAR tests (a
     * byte below 0x20, a byte equal to '"' or '\\', a byte with its high bit set); a borrow can mark a
     * byte above a special one, never below, so the lowest mark is exactly the first special byte.
     */
    private static long special(long x) {
        long control = (x - 0x20 * ONES) & ~x & HIGHS;
        long q = x ^ ('"' * ONES);
        long quote = (q - ONES) & ~q & HIGHS;
        long e = x ^ ('\\' * ONES);
        long backslash = (e - ONES) & ~e & HIGHS;
        return (x & HIGHS) | control | quote | backslash;
    }

    /** After the escape at {@code i} (a backslash), or -1 if the strict reader refuses it. */
    private static int escape(byte[] b, int i) {
        int n = b.length;
        if (i + 1 >= n) {
            return -1;
        }
        switch (b[i + 1]) {
            case '"', '\\', 'b', 't', 'n', 'f', 'r' -> {
                return i + 2;
            }
            case 'u' -> {
                // Only lower-case \\u00xx for the controls without a short escape.
                if (i + 6 > n || b[i + 2] != '0' || b[i + 3] != '0') {
                    return -1;
                }
                int hi = b[i + 4] - '0';
                int lo = hex(b[i + 5]);
                if (hi < 0 || hi > 1 || lo < 0) {
                    return -1;
                }
                int v = hi * 16 + lo;
                if (v == '\b' || v == '\t' || v == '\n' || v == '\f' || v == '\r') {
                    return -1;
                }
                return i + 6;
            }
            default -> {
                return -1;
            }
        }
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /**
     * After the UTF-8 sequence whose lead byte is at {@code i}, or -1 unless it is strict RFC 3629
     * (shortest form, no surrogates, nothing above U+10FFFF). The reader decodes by the same rule.
     */
    static int utf8(byte[] b, int i) {
        int lead = b[i] & 0xff;
        int need;
        int cp;
        int min;
        if (lead >= 0xc2 && lead <= 0xdf) {
            need = 1;
            cp = lead & 0x1f;
            min = 0x80;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            need = 2;
            cp = lead & 0x0f;
            min = 0x800;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            need = 3;
            cp = lead & 0x07;
            min = 0x10000;
        } else {
            return -1;
        }
        if (i + 1 + need > b.length) {
            return -1;
        }
        for (int j = 1; j <= need; j++) {
            int c = b[i + j] & 0xff;
            if ((c & 0xc0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (c & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return -1;
        }
        return i + 1 + need;
    }

    /** A non-empty array of strings. */
    private static int stringArray(byte[] b, int pos) {
        int n = b.length;
        if (pos >= n || b[pos] != '[') {
            return -1;
        }
        pos++;
        while (true) {
            pos = string(b, pos);
            if (pos < 0 || pos >= n) {
                return -1;
            }
            if (b[pos] == ']') {
                return pos + 1;
            }
            if (b[pos] != ',') {
                return -1;
            }
            pos++;
        }
    }

    /**
     * A non-empty object of string members, keys in strictly increasing UTF-16 order, at most {@link
     * LogEntry#MAX_ATTRIBUTES} of them, each value at most {@link LogEntry#MAX_ATTRIBUTE_VALUE_LENGTH}
     * UTF-16 code units.
     */
    private static int attributes(byte[] b, int pos) {
        int n = b.length;
        if (pos >= n || b[pos] != '{') {
            return -1;
        }
        pos++;
        int previousKey = -1;
        int previousEnd = -1;
        int count = 0;
        while (true) {
            int key = pos;
            pos = string(b, pos);
            if (pos < 0 || pos >= n || b[pos] != ':') {
                return -1;
            }
            if (previousKey >= 0 && compareStrings(b, previousKey, previousEnd, key, pos) >= 0) {
                return -1;
            }
            previousKey = key;
            previousEnd = pos;
            int value = pos + 1;
            pos = string(b, value);
            if (pos < 0 || pos >= n) {
                return -1;
            }
            if (++count > LogEntry.MAX_ATTRIBUTES || utf16Length(b, value, pos) > LogEntry.MAX_ATTRIBUTE_VALUE_LENGTH) {
                return -1;
            }
            if (b[pos] == '}') {
                return pos + 1;
            }
            if (b[pos] != ',') {
                return -1;
            }
            pos++;
        }
    }

    /**
     * Compares two valid JSON strings (quotes included) as {@link String#compareTo} compares their
     * values. Plain ASCII compares byte by byte; anything else (escapes, non-ASCII, where UTF-8 order and
     * UTF-16 order can differ) through the decoded strings, which is rare.
     */
    private static int compareStrings(byte[] b, int s1, int e1, int s2, int e2) {
        if (plainAscii(b, s1 + 1, e1 - 1) && plainAscii(b, s2 + 1, e2 - 1)) {
            return java.util.Arrays.compare(b, s1 + 1, e1 - 1, b, s2 + 1, e2 - 1);
        }
        return decode(b, s1 + 1, e1 - 1).compareTo(decode(b, s2 + 1, e2 - 1));
    }

    private static boolean plainAscii(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0 || b[i] == '\\') {
                return false;
            }
        }
        return true;
    }

    /** The value of a valid string's content {@code [from, to)}. */
    private static String decode(byte[] b, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        int run = from;
        int i = from;
        while (i < to) {
            if (b[i] != '\\') {
                i++;
                continue;
            }
            sb.append(new String(b, run, i - run, StandardCharsets.UTF_8));
            byte e = b[i + 1];
            switch (e) {
                case 'b' -> sb.append('\b');
                case 't' -> sb.append('\t');
                case 'n' -> sb.append('\n');
                case 'f' -> sb.append('\f');
                case 'r' -> sb.append('\r');
                case 'u' -> sb.append((char) ((b[i + 4] - '0') * 16 + hex(b[i + 5])));
                default -> sb.append((char) e); // '"' or '\\'
            }
            i += e == 'u' ? 6 : 2;
            run = i;
        }
        sb.append(new String(b, run, to - run, StandardCharsets.UTF_8));
        return sb.toString();
    }

    /** UTF-16 code units of a valid string's content {@code [from, to)}, quotes included in the span. */
    private static int utf16Length(byte[] b, int from, int to) {
        int units = 0;
        for (int i = from + 1; i < to - 1; ) {
            int c = b[i] & 0xff;
            if (c == '\\') {
                i += b[i + 1] == 'u' ? 6 : 2;
                units++;
            } else if (c < 0x80) {
                i++;
                units++;
            } else if (c < 0xe0) {
                i += 2;
                units++;
            } else if (c < 0xf0) {
                i += 3;
                units++;
            } else {
                i += 4;
                units += 2;
            }
        }
        return units;
    }

    /** A string whose bytes are exactly one of the given ASCII words. */
    private static int oneOf(byte[] b, int pos, byte[][] words) {
        int n = b.length;
        if (pos >= n || b[pos] != '"') {
            return -1;
        }
        for (byte[] w : words) {
            int end = pos + 1 + w.length;
            if (end < n && b[end] == '"' && same(b, pos + 1, w)) {
                return end + 1;
            }
        }
        return -1;
    }

    /** Exactly {@link Pseudonyms#isPseudonym}: 21 base64url digits, then one of A, Q, g, w. */
    private static int pseudonym(byte[] b, int pos) {
        int end = pos + 1 + Pseudonyms.PSEUDONYM_LENGTH;
        if (end >= b.length || b[pos] != '"' || b[end] != '"') {
            return -1;
        }
        for (int i = pos + 1; i < end - 1; i++) {
            if (BASE64URL[b[i] & 0xff] < 0) {
                return -1;
            }
        }
        byte last = b[end - 1];
        return last == 'A' || last == 'Q' || last == 'g' || last == 'w' ? end + 1 : -1;
    }

    /**
     * Exactly {@link LogEntry#isSalt}: unpadded base64url of at least 16 bytes in its one encoding (no
     * length that leaves a single digit, no stray bits in the last digit).
     */
    private static int salt(byte[] b, int pos) {
        int n = b.length;
        if (pos >= n || b[pos] != '"') {
            return -1;
        }
        int i = pos + 1;
        while (i < n && BASE64URL[b[i] & 0xff] >= 0) {
            i++;
        }
        if (i >= n || b[i] != '"') {
            return -1;
        }
        int length = i - pos - 1;
        if (length < 22 || length % 4 == 1) {
            return -1;
        }
        int last = BASE64URL[b[i - 1] & 0xff];
        int strayBits = length % 4 == 2 ? 0x0f : length % 4 == 3 ? 0x03 : 0;
        return (last & strayBits) == 0 ? i + 1 : -1;
    }

    /** A JCS integer (no sign, no leading zero, at most 2^53 − 1) equal to {@code expected}. */
    private static int integer(byte[] b, int pos, long expected) {
        int n = b.length;
        int i = pos;
        long v = 0;
        while (i < n && i - pos < 17 && b[i] >= '0' && b[i] <= '9') {
            v = v * 10 + (b[i] - '0');
            i++;
        }
        int digits = i - pos;
        if (digits == 0 || digits > 16 || (digits > 1 && b[pos] == '0')) {
            return -1;
        }
        return v == expected && v <= CanonicalJson.MAX_SAFE_INTEGER ? i : -1;
    }

    private static int bool(byte[] b, int pos) {
        int n = b.length;
        if (pos + 4 <= n && b[pos] == 't' && b[pos + 1] == 'r' && b[pos + 2] == 'u' && b[pos + 3] == 'e') {
            return pos + 4;
        }
        if (pos + 5 <= n
                && b[pos] == 'f'
                && b[pos + 1] == 'a'
                && b[pos + 2] == 'l'
                && b[pos + 3] == 's'
                && b[pos + 4] == 'e') {
            return pos + 5;
        }
        return -1;
    }

    /** {@code "yyyy-MM-ddTHH:mm:ss.SSSZ"}, a time that exists (any year 0000..9999). */
    private static int time(byte[] b, int pos) {
        int at = pos + 1;
        if (at + 25 > b.length
                || b[pos] != '"'
                || b[at + 24] != '"'
                || b[at + 10] != 'T'
                || b[at + 13] != ':'
                || b[at + 16] != ':'
                || b[at + 19] != '.'
                || b[at + 23] != 'Z'
                || !isDate(b, at)) {
            return -1;
        }
        int hour = digits(b, at + 11, 2);
        int minute = digits(b, at + 14, 2);
        int second = digits(b, at + 17, 2);
        int milli = digits(b, at + 20, 3);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || milli < 0) {
            return -1;
        }
        return at + 25;
    }

    /** {@code "yyyy-MM-dd"}, a date that exists (any year 0000..9999). */
    private static int date(byte[] b, int pos) {
        int at = pos + 1;
        if (at + 11 > b.length || b[pos] != '"' || b[at + 10] != '"' || !isDate(b, at)) {
            return -1;
        }
        return at + 11;
    }

    /** True if {@code yyyy-MM-dd} at {@code at} is a date of the proleptic Gregorian calendar. */
    private static boolean isDate(byte[] b, int at) {
        if (b[at + 4] != '-' || b[at + 7] != '-') {
            return false;
        }
        int year = digits(b, at, 4);
        int month = digits(b, at + 5, 2);
        int day = digits(b, at + 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1) {
            return false;
        }
        int days = switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return day <= days;
    }

    /** The value of {@code width} ASCII digits at {@code at}, or -1 if any byte is not a digit. */
    static int digits(byte[] b, int at, int width) {
        int v = 0;
        for (int i = at; i < at + width; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
