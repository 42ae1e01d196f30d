package nl.deelpoort.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
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

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private static final Map<String, EntryKind> KINDS = new HashMap<>();

    static {
        for (EntryKind k : EntryKind.values()) {
            KINDS.put(k.name(), k);
        }
    }

    private LogEntryCodec() {}

    /** The canonical bytes of an entry. */
    public static byte[] encode(LogEntry e) {
        TreeMap<String, Object> m = new TreeMap<>();
        m.put("v", FORMAT_VERSION);
        m.put("seq", e.seq());
        m.put("registeredAt", TIME.format(e.registeredAt()));
        m.put("kind", e.kind().name());
        m.put("confidential", e.confidential());
        put(m, "traceId", e.traceId());
        put(m, "spanId", e.spanId());
        put(m, "decision", e.decision());
        putList(m, "reasonCodes", e.reasonCodes());
        put(m, "purpose", e.purpose());
        put(m, "legalBasis", e.legalBasis());
        put(m, "flow", e.flow());
        put(m, "agreement", e.agreement());
        put(m, "policyVersion", e.policyVersion());
        put(m, "requestingOrganisation", e.requestingOrganisation());
        put(m, "actingRole", e.actingRole());
        put(m, "user", e.user());
        put(m, "client", e.client());
        put(m, "holder", e.holder());
        put(m, "holderRole", e.holderRole());
        put(m, "recipient", e.recipient());
        put(m, "recipientRole", e.recipientRole());
        put(m, "subjectPseudonym", e.subjectPseudonym());
        putList(m, "categoriesRequested", e.categoriesRequested());
        putList(m, "categoriesReleased", e.categoriesReleased());
        put(m, "consentId", e.consentId());
        put(m, "overrideId", e.overrideId());
        put(m, "measureId", e.measureId());
        put(m, "referenceId", e.referenceId());
        if (e.retentionUntil() != null) {
            m.put("retentionUntil", DATE.format(e.retentionUntil()));
        }
        if (!e.attributes().isEmpty()) {
            m.put("attributes", new TreeMap<>(e.attributes()));
        }
        return CanonicalJson.write(m);
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

    private static void put(TreeMap<String, Object> m, String name, String value) {
        if (value != null) {
            m.put(name, value);
        }
    }

    private static void putList(TreeMap<String, Object> m, String name, List<String> value) {
        if (!value.isEmpty()) {
            m.put(name, value);
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
                return Instant.from(TIME.parse(s));
            } catch (DateTimeParseException ex) {
                throw new LedgerFormatException("\"" + name + "\" is not a time: " + s, ex);
            }
        }

        LocalDate date(String name) {
            String s = string(name, false);
            if (s == null) {
                return null;
            }
            try {
                return LocalDate.parse(s, DATE);
            } catch (DateTimeParseException ex) {
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
