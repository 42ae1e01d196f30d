package nl.deelpoort.ledger;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields of a {@link LogEntry}, described once: the member name in the canonical bytes, the value
 * type, whether every entry has it, the format version that introduced it, and the column in which the
 * gateway keeps a copy for audit searches (docs/design.md, "The log, in the database"). {@link
 * LogEntryCodec} writes and reads the members in the order of these constants, which is the canonical
 * (UTF-16) order of their names; the format version {@code "v"} sorts after all of them.
 */
public enum EntryField {
    ACTING_ROLE("actingRole", Type.TEXT, LogEntry::actingRole),
    AGREEMENT("agreement", Type.TEXT, LogEntry::agreement),
    ATTRIBUTES("attributes", Type.TEXT_MAP, LogEntry::attributes),
    CALLER_SPAN_ID(
            "callerSpanId", Type.TEXT, LogEntry::callerSpanId, null, false, LogEntryCodec.FORMAT_VERSION_CALLER_SPAN),
    CATEGORIES_RELEASED("categoriesReleased", Type.TEXT_LIST, LogEntry::categoriesReleased),
    CATEGORIES_REQUESTED("categoriesRequested", Type.TEXT_LIST, LogEntry::categoriesRequested),
    CLIENT("client", Type.TEXT, LogEntry::client),
    CONFIDENTIAL("confidential", Type.BOOLEAN, LogEntry::confidential, "confidential", true, 1),
    CONSENT_ID("consentId", Type.TEXT, LogEntry::consentId, "consent_id"),
    DECISION("decision", Type.TEXT, LogEntry::decision, "decision"),
    FLOW("flow", Type.TEXT, LogEntry::flow, "flow"),
    HOLDER("holder", Type.TEXT, LogEntry::holder, "holder"),
    HOLDER_ROLE("holderRole", Type.TEXT, LogEntry::holderRole),
    KIND("kind", Type.KIND, LogEntry::kind, "kind", true, 1),
    LEGAL_BASIS("legalBasis", Type.TEXT, LogEntry::legalBasis, "legal_basis"),
    MEASURE_ID("measureId", Type.TEXT, LogEntry::measureId, "measure_id"),
    OVERRIDE_ID("overrideId", Type.TEXT, LogEntry::overrideId, "override_id"),
    POLICY_VERSION("policyVersion", Type.TEXT, LogEntry::policyVersion),
    PURPOSE("purpose", Type.TEXT, LogEntry::purpose, "purpose"),
    REASON_CODES("reasonCodes", Type.TEXT_LIST, LogEntry::reasonCodes),
    RECIPIENT("recipient", Type.TEXT, LogEntry::recipient, "recipient"),
    RECIPIENT_ROLE("recipientRole", Type.TEXT, LogEntry::recipientRole),
    REFERENCE_ID("referenceId", Type.TEXT, LogEntry::referenceId),
    REGISTERED_AT("registeredAt", Type.TIME, LogEntry::registeredAt, "registered_at", true, 1),
    REQUESTING_ORGANISATION(
            "requestingOrganisation", Type.TEXT, LogEntry::requestingOrganisation, "requesting_organisation"),
    RETENTION_UNTIL("retentionUntil", Type.DATE, LogEntry::retentionUntil, "retention_until"),
    SALT("salt", Type.TEXT, LogEntry::salt, null, false, LogEntryCodec.FORMAT_VERSION_SALTED),
    SEQ("seq", Type.INTEGER, LogEntry::seq, "seq", true, 1),
    SPAN_ID("spanId", Type.TEXT, LogEntry::spanId),
    SUBJECT_PSEUDONYM("subjectPseudonym", Type.TEXT, LogEntry::subjectPseudonym, "subject_pseudonym"),
    TRACE_ID("traceId", Type.TEXT, LogEntry::traceId),
    USER("user", Type.TEXT, LogEntry::user);

    /**
     * How a value is written in the canonical bytes: a string; an array of strings or an object of
     * string members (both omitted when empty); a boolean; an integer within ±(2^53 − 1); an {@link
     * Instant} as {@code yyyy-MM-ddTHH:mm:ss.SSSZ}; a {@link java.time.LocalDate} as {@code yyyy-MM-dd};
     * an {@link EntryKind} name.
     */
    public enum Type {
        TEXT,
        TEXT_LIST,
        TEXT_MAP,
        BOOLEAN,
        INTEGER,
        TIME,
        DATE,
        KIND
    }

    private static final Map<String, EntryField> BY_KEY =
            Arrays.stream(values()).collect(Collectors.toMap(EntryField::key, f -> f));

    private final String key;
    private final Type type;
    private final Function<LogEntry, ?> value;
    private final String column;
    private final boolean always;
    private final long since;

    EntryField(String key, Type type, Function<LogEntry, ?> value) {
        this(key, type, value, null);
    }

    EntryField(String key, Type type, Function<LogEntry, ?> value, String column) {
        this(key, type, value, column, false, 1);
    }

    EntryField(String key, Type type, Function<LogEntry, ?> value, String column, boolean always, long since) {
        this.key = key;
        this.type = type;
        this.value = value;
        this.column = column;
        this.always = always;
        this.since = since;
    }

    /** The member name in the canonical bytes. */
    public String key() {
        return key;
    }

    public Type type() {
        return type;
    }

    /** The gateway's search column holding a copy of this field, or null if it keeps none. */
    public String column() {
        return column;
    }

    /** True if every entry has this member; the others are omitted when absent. */
    public boolean always() {
        return always;
    }

    /** The format version that introduced this member: an entry that has it is of at least this version. */
    public long since() {
        return since;
    }

    /** The entry's value as the record holds it (null, an empty list or an empty map when absent). */
    public Object value(LogEntry e) {
        return value.apply(e);
    }

    /**
     * The entry's value as written in the canonical bytes: a String, Boolean, Long, List of strings or
     * sorted Map of strings; null when the member is omitted.
     */
    public Object json(LogEntry e) {
        Object v = value.apply(e);
        return switch (type) {
            case TIME -> LogEntryCodec.formatTime((Instant) v);
            case DATE -> v == null ? null : v.toString();
            case KIND -> ((EntryKind) v).name();
            case TEXT_LIST -> ((List<?>) v).isEmpty() ? null : v;
            case TEXT_MAP -> ((Map<?, ?>) v).isEmpty() ? null : v;
            case TEXT, BOOLEAN, INTEGER -> v;
        };
    }

    /** The field with this member name, or null. */
    static EntryField ofKey(String key) {
        return BY_KEY.get(key);
    }
}
