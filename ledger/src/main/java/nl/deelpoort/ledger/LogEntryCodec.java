package nl.deelpoort.ledger;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical bytes of a {@link LogEntry}: an RFC 8785 (JCS) JSON object, UTF-8, no whitespace.
 * The format is described in {@code ledger/README.md} ("Canonical entry format"). In short: a version
 * member {@code "v":1}; absent (null) values and empty lists/maps are omitted, never written as
 * {@code null}/{@code []}/{@code {}}; {@code seq}, {@code registeredAt}, {@code kind} and {@code
 * confidential} are always present; times are {@code yyyy-MM-ddTHH:mm:ss.SSSZ} (UTC, always three
 * fraction digits), dates {@code yyyy-MM-dd}.
 *
 * <p>Decoding is strict: bytes decode only if encoding the result gives back exactly the same bytes,
 * so every entry has exactly one accepted byte form and {@code encode(decode(b)) == b} for every
 * accepted {@code b}.
 */
public final class LogEntryCodec {

    /** The format version written into every entry. */
    public static final long FORMAT_VERSION = 1;

    private static final Map<String, EntryKind> KINDS = new HashMap<>();

    static {
        for (EntryKind k : EntryKind.values()) {
            KINDS.put(k.name(), k);
        }
    }

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
        w.member("seq", e.seq());
        opt(w, "spanId", e.spanId());
        opt(w, "subjectPseudonym", e.subjectPseudonym());
        opt(w, "traceId", e.traceId());
        opt(w, "user", e.user());
        w.member("v", FORMAT_VERSION);
        return w.toBytes();
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
        String text = new String(canonical, StandardCharsets.UTF_8);
        Map<String, Object> m;
        try {
            m = Json.parseObject(text);
        } catch (LedgerFormatException ex) {
            throw new LedgerFormatException("entry is not JSON: " + ex.getMessage(), ex);
        }
        Fields f = new Fields(m);
        long version = f.integer("v");
        if (version != FORMAT_VERSION) {
            throw new LedgerFormatException("unknown entry format version " + version);
        }
        LogEntry entry;
        try {
            entry = LogEntry.builder(f.kind())
                    .seq(f.integer("seq"))
                    .registeredAt(f.time("registeredAt"))
                    .confidential(f.bool("confidential"))
                    .traceId(f.optString("traceId"))
                    .spanId(f.optString("spanId"))
                    .decision(f.optString("decision"))
                    .reasonCodes(f.list("reasonCodes"))
                    .purpose(f.optString("purpose"))
                    .legalBasis(f.optString("legalBasis"))
                    .flow(f.optString("flow"))
                    .agreement(f.optString("agreement"))
                    .policyVersion(f.optString("policyVersion"))
                    .requestingOrganisation(f.optString("requestingOrganisation"))
                    .actingRole(f.optString("actingRole"))
                    .user(f.optString("user"))
                    .client(f.optString("client"))
                    .holder(f.optString("holder"))
                    .holderRole(f.optString("holderRole"))
                    .recipient(f.optString("recipient"))
                    .recipientRole(f.optString("recipientRole"))
                    .subjectPseudonym(f.optString("subjectPseudonym"))
                    .categoriesRequested(f.list("categoriesRequested"))
                    .categoriesReleased(f.list("categoriesReleased"))
                    .consentId(f.optString("consentId"))
                    .overrideId(f.optString("overrideId"))
                    .measureId(f.optString("measureId"))
                    .referenceId(f.optString("referenceId"))
                    .retentionUntil(f.date("retentionUntil"))
                    .attributes(f.map("attributes"))
                    .build();
        } catch (IllegalArgumentException ex) {
            throw new LedgerFormatException("entry is invalid: " + ex.getMessage(), ex);
        }
        if (!m.isEmpty()) {
            throw new LedgerFormatException("entry has unknown members " + m.keySet());
        }
        if (!Arrays.equals(encode(entry), canonical)) {
            throw new LedgerFormatException("entry is not in canonical form (RFC 8785, see ledger/README.md)");
        }
        return entry;
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

    /** Takes members out of the parsed object one by one, so leftovers are unknown members. */
    private static final class Fields {
        private final Map<String, Object> m;

        Fields(Map<String, Object> m) {
            this.m = m;
        }

        private Object take(String name, boolean required) {
            Object v = m.remove(name);
            if (v == null && required) {
                throw new LedgerFormatException("entry lacks \"" + name + "\"");
            }
            return v;
        }

        long integer(String name) {
            if (take(name, true) instanceof Long n) {
                return n;
            }
            throw new LedgerFormatException("\"" + name + "\" must be an integer");
        }

        boolean bool(String name) {
            if (take(name, true) instanceof Boolean b) {
                return b;
            }
            throw new LedgerFormatException("\"" + name + "\" must be true or false");
        }

        EntryKind kind() {
            String name = string("kind", true);
            EntryKind k = KINDS.get(name);
            if (k == null) {
                throw new LedgerFormatException("unknown kind " + name);
            }
            return k;
        }

        Instant time(String name) {
            String s = string(name, true);
            try {
                return parseTime(s);
            } catch (DateTimeException ex) {
                throw new LedgerFormatException("\"" + name + "\" is not a time: " + s, ex);
            }
        }

        LocalDate date(String name) {
            String s = string(name, false);
            if (s == null) {
                return null;
            }
            try {
                // ISO form; years outside 0000..9999 and other spellings fail the re-encoding check.
                return LocalDate.parse(s);
            } catch (DateTimeException ex) {
                throw new LedgerFormatException("\"" + name + "\" is not a date: " + s, ex);
            }
        }

        String optString(String name) {
            return string(name, false);
        }

        private String string(String name, boolean required) {
            Object v = take(name, required);
            if (v == null || v instanceof String) {
                return (String) v;
            }
            throw new LedgerFormatException("\"" + name + "\" must be a string");
        }

        List<String> list(String name) {
            Object v = take(name, false);
            if (v == null) {
                return null;
            }
            if (v instanceof List<?> list) {
                List<String> out = new ArrayList<>(list.size());
                for (Object o : list) {
                    if (!(o instanceof String s)) {
                        throw new LedgerFormatException("\"" + name + "\" must hold strings");
                    }
                    out.add(s);
                }
                return out;
            }
            throw new LedgerFormatException("\"" + name + "\" must be an array");
        }

        Map<String, String> map(String name) {
            Object v = take(name, false);
            if (v == null) {
                return null;
            }
            if (v instanceof Map<?, ?> map) {
                Map<String, String> out = new TreeMap<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!(e.getValue() instanceof String s)) {
                        throw new LedgerFormatException("\"" + name + "\" must hold strings");
                    }
                    out.put((String) e.getKey(), s);
                }
                return out;
            }
            throw new LedgerFormatException("\"" + name + "\" must be an object");
        }
    }
}
