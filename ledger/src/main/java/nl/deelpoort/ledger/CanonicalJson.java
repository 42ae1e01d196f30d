package nl.deelpoort.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A strict RFC 8785 (JCS) writer for the value types the ledger uses: objects given as {@link
 * SortedMap}s with natural {@link String} order (which is the UTF-16 code unit order JCS asks for),
 * lists, strings, booleans and integral {@link Long}s within ±(2<sup>53</sup>−1), the range in which
 * JCS's ECMAScript number form is the plain decimal form. Anything else, including a Java {@code
 * null}, a lone surrogate or a non-sorted map, is refused rather than written in some form a
 * different JCS implementation would not reproduce.
 */
public final class CanonicalJson {

    /** The largest integer that JCS writes exactly: 2^53 − 1. */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] buf;
    private int len;

    private CanonicalJson(int capacity) {
        buf = new byte[capacity];
    }

    /**
     * A writer for one object whose members the caller gives in canonical order (e.g. from a name list
     * sorted once); {@link #member} refuses names out of order, so the output stays canonical.
     */
    public static ObjectWriter objectWriter() {
        return new ObjectWriter();
    }

    /** See {@link #objectWriter()}. */
    public static final class ObjectWriter {
        private final CanonicalJson w = new CanonicalJson(1024);
        private String last;

        private ObjectWriter() {
            w.put('{');
        }

        /** Writes one member; names must come in strictly increasing UTF-16 order. */
        public ObjectWriter member(String name, Object value) {
            if (last != null) {
                if (last.compareTo(name) >= 0) {
                    throw new IllegalArgumentException("member " + name + " out of canonical order");
                }
                w.put(',');
            }
            last = name;
            w.string(name);
            w.put(':');
            w.value(value);
            return this;
        }

        public byte[] toBytes() {
            w.put('}');
            byte[] out = Arrays.copyOf(w.buf, w.len);
            w.len--;
            return out;
        }
    }

    /** Writes one value as canonical UTF-8 bytes. */
    public static byte[] write(Object value) {
        CanonicalJson w = new CanonicalJson(512);
        w.value(value);
        return Arrays.copyOf(w.buf, w.len);
    }

    private void value(Object value) {
        if (value instanceof String s) {
            string(s);
        } else if (value instanceof Long n) {
            integer(n);
        } else if (value instanceof Integer n) {
            integer(n.longValue());
        } else if (value instanceof Boolean b) {
            ascii(b ? "true" : "false");
        } else if (value instanceof SortedMap<?, ?> map) {
            object(map);
        } else if (value instanceof List<?> list) {
            array(list);
        } else if (value instanceof Map<?, ?>) {
            throw new IllegalArgumentException("JCS objects must be given as SortedMap in natural order");
        } else {
            throw new IllegalArgumentException("no canonical form for "
                    + (value == null ? "null" : value.getClass().getName()));
        }
    }

    private void object(SortedMap<?, ?> map) {
        if (map.comparator() != null) {
            throw new IllegalArgumentException("JCS objects must use natural String order");
        }
        put('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON member names must be strings");
            }
            if (!first) {
                put(',');
            }
            first = false;
            string(key);
            put(':');
            value(e.getValue());
        }
        put('}');
    }

    private void array(List<?> list) {
        put('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                put(',');
            }
            value(list.get(i));
        }
        put(']');
    }

    private void integer(long n) {
        if (n > MAX_SAFE_INTEGER || n < -MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("integer outside the range JCS writes exactly: " + n);
        }
        ascii(Long.toString(n));
    }

    /** RFC 8785 §3.2.2.2: the short escapes, {@code \}{@code u00xx} (lower case) for other controls, rest literal. */
    private void string(String s) {
        ensure(s.length() * 3 + 2);
        buf[len++] = '"';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80) {
                if (c == '"' || c == '\\') {
                    buf[len++] = '\\';
                }
                buf[len++] = (byte) c;
            } else if (c < 0x20) {
                ensure(6 + (s.length() - i) * 3 + 1);
                buf[len++] = '\\';
                switch (c) {
                    case '\b' -> buf[len++] = 'b';
                    case '\t' -> buf[len++] = 't';
                    case '\n' -> buf[len++] = 'n';
                    case '\f' -> buf[len++] = 'f';
                    case '\r' -> buf[len++] = 'r';
                    default -> {
                        buf[len++] = 'u';
                        buf[len++] = '0';
                        buf[len++] = '0';
                        buf[len++] = HEX[c >> 4];
                        buf[len++] = HEX[c & 0xf];
                    }
                }
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xc0 | (c >> 6));
                buf[len++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c)
                        || i + 1 >= s.length()
                        || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new IllegalArgumentException("string holds a lone surrogate at index " + i);
                }
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[len++] = (byte) (0xf0 | (cp >> 18));
                buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                buf[len++] = (byte) (0x80 | (cp & 0x3f));
            } else {
                buf[len++] = (byte) (0xe0 | (c >> 12));
                buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                buf[len++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        buf[len++] = '"';
    }

    /** True if the string can be written: no lone surrogates. */
    public static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void put(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }
}
