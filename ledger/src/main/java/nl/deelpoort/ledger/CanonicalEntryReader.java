package nl.deelpoort.ledger;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads canonical entry bytes in one pass and refuses, as it goes, every byte the encoder would not
 * have written: white space, members out of order or repeated, needless or upper-case escapes,
 * unescaped controls, malformed or overlong UTF-8, non-canonical integers, {@code null}, empty arrays
 * and objects. So whatever it accepts re-encodes to the same bytes, without paying for a re-encoding
 * (this is the hot path of the offline verifier; {@code LogEntryCodecTest} fuzzes the guarantee).
 */
final class CanonicalEntryReader {

    private static final EntryField[] FIELDS = EntryField.values();

    /** The member names the format knows, in canonical order: every field's key, then "v". */
    private static final String[] KEYS = new String[FIELDS.length + 1];

    private static final byte[][] NAMES = new byte[KEYS.length][];

    static {
        for (EntryField f : FIELDS) {
            KEYS[f.ordinal()] = f.key();
        }
        KEYS[FIELDS.length] = LogEntryCodec.VERSION;
        for (int i = 0; i < KEYS.length; i++) {
            NAMES[i] = KEYS[i].getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final byte[] b;
    private int pos;

    private CanonicalEntryReader(byte[] b) {
        this.b = b;
    }

    static LogEntry read(byte[] bytes) {
        return new CanonicalEntryReader(bytes).entry();
    }

    private LogEntry entry() {
        LogEntry.Builder e = LogEntry.builder(null);
        boolean[] present = new boolean[FIELDS.length];
        long needed = LogEntryCodec.FORMAT_VERSION;
        Long version = null;
        expect('{');
        String previous = null;
        int hint = 0;
        do {
            // A member name is one of a fixed set: matched in place, no string made for it.
            String name = knownName(hint);
            if (name == null) {
                name = string();
            }
            if (previous != null && previous.compareTo(name) >= 0) {
                throw error("member \"" + name + "\" is out of canonical order or repeated");
            }
            previous = name;
            expect(':');
            EntryField f = EntryField.ofKey(name);
            if (f != null) {
                hint = f.ordinal() + 1;
                e.set(f, value(f));
                present[f.ordinal()] = true;
                needed = Math.max(needed, f.since());
            } else if (name.equals(LogEntryCodec.VERSION)) {
                version = integer();
            } else {
                throw error("unknown member \"" + name + "\"");
            }
        } while (comma());
        expect('}');
        if (pos != b.length) {
            throw error("bytes after the entry");
        }
        for (EntryField f : FIELDS) {
            if (f.always() && !present[f.ordinal()]) {
                throw error("entry lacks \"" + f.key() + "\"");
            }
        }
        // "v" is the last member: whether it fits the members before it is known only here.
        if (version == null) {
            throw error("entry lacks \"v\"");
        }
        if (version != needed) {
            throw error("format version " + version + " does not fit the members (version " + needed + ")");
        }
        try {
            return e.build();
        } catch (IllegalArgumentException ex) {
            throw new LedgerFormatException("entry is invalid: " + ex.getMessage(), ex);
        }
    }

    private Object value(EntryField f) {
        return switch (f.type()) {
            case TEXT -> string();
            case TEXT_LIST -> stringArray();
            case TEXT_MAP -> stringMap();
            case BOOLEAN -> bool();
            case INTEGER -> integer();
            case TIME -> time(f);
            case DATE -> date(f);
            case KIND -> kind(string());
        };
    }

    private static EntryKind kind(String name) {
        try {
            return EntryKind.valueOf(name);
        } catch (IllegalArgumentException ex) {
            throw new LedgerFormatException("unknown kind " + name);
        }
    }

    /**
     * If the next token is the string of a member name the format knows (an {@link EntryField}'s key or
     * "v"), written plainly, consumes it and returns that key's constant; otherwise consumes nothing and
     * returns null (the caller then reads the string in full, and refuses it as it always did). Members
     * come in canonical order, so the search starts at the field after the previous one.
     */
    private String knownName(int hint) {
        if (pos >= b.length || b[pos] != '"') {
            return null;
        }
        int start = pos + 1;
        int end = start;
        while (end < b.length && b[end] != '"') {
            byte c = b[end];
            if (c == '\\' || c < 0x20) {
                return null;
            }
            end++;
        }
        if (end >= b.length) {
            return null;
        }
        int length = end - start;
        for (int k = 0; k < NAMES.length; k++) {
            int i = (hint + k) % NAMES.length;
            if (NAMES[i].length == length && Arrays.equals(b, start, end, NAMES[i], 0, length)) {
                pos = end + 1;
                return KEYS[i];
            }
        }
        return null;
    }

    /**
     * A time as the encoder writes it, parsed from the bytes in place; anything else (or an impossible
     * date) goes the way it always went, through a string, for the same refusal.
     */
    private Instant time(EntryField f) {
        int at = pos + 1;
        if (at + 25 <= b.length
                && b[pos] == '"'
                && b[at + 24] == '"'
                && b[at + 4] == '-'
                && b[at + 7] == '-'
                && b[at + 10] == 'T'
                && b[at + 13] == ':'
                && b[at + 16] == ':'
                && b[at + 19] == '.'
                && b[at + 23] == 'Z') {
            int year = digits(at, 4);
            int month = digits(at + 5, 2);
            int day = digits(at + 8, 2);
            int hour = digits(at + 11, 2);
            int minute = digits(at + 14, 2);
            int second = digits(at + 17, 2);
            int milli = digits(at + 20, 3);
            if (year >= 0
                    && month >= 1
                    && month <= 12
                    && day >= 1
                    && day <= 28
                    && hour >= 0
                    && hour <= 23
                    && minute >= 0
                    && minute <= 59
                    && second >= 0
                    && second <= 59
                    && milli >= 0) {
                // Days 29..31 are left to the slow path, which knows the calendar.
                long epochDay = LocalDate.of(year, month, day).toEpochDay();
                pos = at + 25;
                return Instant.ofEpochSecond(
                        epochDay * 86_400 + hour * 3_600 + minute * 60 + second, milli * 1_000_000L);
            }
        }
        return time(f, string());
    }

    /** A date as the encoder writes it, parsed in place; anything else through a string as before. */
    private LocalDate date(EntryField f) {
        int at = pos + 1;
        if (at + 11 <= b.length && b[pos] == '"' && b[at + 10] == '"' && b[at + 4] == '-' && b[at + 7] == '-') {
            int year = digits(at, 4);
            int month = digits(at + 5, 2);
            int day = digits(at + 8, 2);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 28) {
                pos = at + 11;
                return LocalDate.of(year, month, day);
            }
        }
        return date(f, string());
    }

    /** The value of {@code width} ASCII digits at {@code at}, or -1 if any byte is not a digit. */
    private int digits(int at, int width) {
        return CanonicalEntryValidator.digits(b, at, width);
    }

    private Instant time(EntryField f, String s) {
        try {
            Instant t = LogEntryCodec.parseTime(s);
            if (LogEntryCodec.formatTime(t).equals(s)) {
                return t;
            }
        } catch (DateTimeException ex) {
            // reported below
        }
        throw error("\"" + f.key() + "\" is not yyyy-MM-ddTHH:mm:ss.SSSZ: " + s);
    }

    private LocalDate date(EntryField f, String s) {
        try {
            LocalDate d = LocalDate.parse(s);
            if (d.toString().equals(s)) {
                return d;
            }
        } catch (DateTimeException ex) {
            // reported below
        }
        throw error("\"" + f.key() + "\" is not yyyy-MM-dd: " + s);
    }

    private List<String> stringArray() {
        expect('[');
        if (peek() == ']') {
            throw error("empty arrays are omitted, not written");
        }
        List<String> out = new ArrayList<>(4);
        do {
            out.add(string());
        } while (comma());
        expect(']');
        return out;
    }

    private Map<String, String> stringMap() {
        expect('{');
        if (peek() == '}') {
            throw error("empty objects are omitted, not written");
        }
        TreeMap<String, String> out = new TreeMap<>();
        String previous = null;
        do {
            String key = string();
            if (previous != null && previous.compareTo(key) >= 0) {
                throw error("attribute \"" + key + "\" is out of canonical order or repeated");
            }
            previous = key;
            expect(':');
            out.put(key, string());
        } while (comma());
        expect('}');
        return out;
    }

    private boolean bool() {
        if (startsWith("true")) {
            pos += 4;
            return true;
        }
        if (startsWith("false")) {
            pos += 5;
            return false;
        }
        throw error("expected true or false");
    }

    /** A JCS integer: no sign but '-', no leading zeros, no "-0", within ±(2^53 − 1). */
    private long integer() {
        boolean negative = peek() == '-';
        if (negative) {
            pos++;
        }
        int start = pos;
        long v = 0;
        while (pos < b.length && b[pos] >= '0' && b[pos] <= '9') {
            v = v * 10 + (b[pos] - '0');
            pos++;
            if (pos - start > 16) {
                throw error("integer too large");
            }
        }
        int digits = pos - start;
        if (digits == 0 || (digits > 1 && b[start] == '0') || (negative && v == 0)) {
            throw error("not a canonical integer");
        }
        if (v > CanonicalJson.MAX_SAFE_INTEGER) {
            throw error("integer too large");
        }
        return negative ? -v : v;
    }

    private String string() {
        expect('"');
        int start = pos;
        // Fast path: plain printable ASCII up to the closing quote.
        while (pos < b.length) {
            byte c = b[pos];
            if (c == '"') {
                String s = new String(b, start, pos - start, StandardCharsets.ISO_8859_1);
                pos++;
                return s;
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            pos++;
        }
        StringBuilder sb = new StringBuilder(pos - start + 16);
        sb.append(new String(b, start, pos - start, StandardCharsets.ISO_8859_1));
        while (true) {
            if (pos >= b.length) {
                throw error("unterminated string");
            }
            int c = b[pos++];
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                escape(sb);
            } else if (c >= 0x20) {
                sb.append((char) c);
            } else if (c >= 0) {
                throw error("unescaped control character");
            } else {
                utf8(sb, c & 0xff);
            }
        }
    }

    /** Only the escapes RFC 8785 writes: the short ones, and lower-case \\u00xx for other controls. */
    private void escape(StringBuilder sb) {
        if (pos >= b.length) {
            throw error("unterminated escape");
        }
        byte e = b[pos++];
        switch (e) {
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case 'b' -> sb.append('\b');
            case 't' -> sb.append('\t');
            case 'n' -> sb.append('\n');
            case 'f' -> sb.append('\f');
            case 'r' -> sb.append('\r');
            case 'u' -> {
                if (pos + 4 > b.length || b[pos] != '0' || b[pos + 1] != '0') {
                    throw error("needless \\u escape");
                }
                int v = hex(b[pos + 2]) * 16 + hex(b[pos + 3]);
                if (v >= 0x20 || v == '\b' || v == '\t' || v == '\n' || v == '\f' || v == '\r') {
                    throw error("needless \\u escape");
                }
                pos += 4;
                sb.append((char) v);
            }
            default -> throw error("needless or invalid escape");
        }
    }

    private int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        throw error("\\u escapes use lower-case hex");
    }

    /**
     * Strict UTF-8 (RFC 3629): shortest form only, no surrogates, nothing above U+10FFFF; checked by the
     * validator's own rule ({@link CanonicalEntryValidator#utf8}), so reader and validator agree.
     */
    private void utf8(StringBuilder sb, int lead) {
        int start = pos - 1;
        int end = CanonicalEntryValidator.utf8(b, start);
        if (end < 0) {
            int length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
            throw error(
                    lead >= 0xc2 && lead <= 0xf4 && start + length > b.length ? "truncated UTF-8" : "invalid UTF-8");
        }
        sb.append(new String(b, start, end - start, StandardCharsets.UTF_8));
        pos = end;
    }

    private boolean comma() {
        if (peek() == ',') {
            pos++;
            return true;
        }
        return false;
    }

    private boolean startsWith(String word) {
        if (pos + word.length() > b.length) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (b[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int peek() {
        return pos < b.length ? b[pos] : -1;
    }

    private void expect(char c) {
        if (pos >= b.length || b[pos] != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private LedgerFormatException error(String message) {
        return new LedgerFormatException("entry is not canonical: " + message + " at byte " + pos);
    }
}
