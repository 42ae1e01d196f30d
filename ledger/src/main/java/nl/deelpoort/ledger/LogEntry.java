package nl.deelpoort.ledger;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One entry of the disclosure log (docs/domain.md, "The disclosure log"), as the ledger hashes it; its
 * fields are described in {@link EntryField}. Strings are plain strings: the ledger does not know the
 * policy vocabulary. Absent values are {@code null}; absent lists and maps are empty. The record
 * validates what the canonical form needs: times in milliseconds, integers JCS can write, no lone
 * surrogates, and a subject pseudonym that has the shape {@link Pseudonyms#pseudonym} gives, so a BSN
 * cannot slip into the log through that field.
 *
 * <p>{@code seq} and {@code registeredAt} are set by the sequencer ({@link #sequenced}); both are part
 * of the canonical bytes, so an entry cannot be moved to another position or time without changing
 * its leaf hash.
 *
 * <p>{@code salt} is set by the sequencer too ({@link #sequenced(long, Instant, String)}, {@link
 * #newSalt}): at least 128 random bits, unpadded base64url, inside the canonical bytes. It makes the
 * leaf hash of an entry unguessable, so a leaf hash shown without its entry (a redacted export line)
 * cannot be used to confirm a guess of the entry's contents. {@code null} only for entries written
 * before salts existed (format version 1).
 *
 * <p>{@code traceId} and {@code spanId} are the W3C trace of the request that caused the entry and the
 * gateway's own span in it; {@code callerSpanId} is the caller's span when its request carried a
 * {@code traceparent} (then the trace id is the caller's too). An entry with a caller span is of
 * format version 3; entries without one keep their bytes.
 */
public record LogEntry(
        long seq,
        Instant registeredAt,
        String salt,
        String traceId,
        String spanId,
        String callerSpanId,
        EntryKind kind,
        String decision,
        List<String> reasonCodes,
        String purpose,
        String legalBasis,
        String flow,
        String agreement,
        String policyVersion,
        String requestingOrganisation,
        String actingRole,
        String user,
        String client,
        String holder,
        String holderRole,
        String recipient,
        String recipientRole,
        String subjectPseudonym,
        List<String> categoriesRequested,
        List<String> categoriesReleased,
        String consentId,
        String overrideId,
        String measureId,
        String referenceId,
        boolean confidential,
        LocalDate retentionUntil,
        Map<String, String> attributes) {

    /** The decisions of docs/domain.md, "Decisions". */
    public static final Set<String> DECISIONS = Set.of("PERMIT", "PARTIAL", "DENY");

    /** Attributes are for small extras; larger data belongs in its own field or not in the log. */
    public static final int MAX_ATTRIBUTES = 32;

    public static final int MAX_ATTRIBUTE_VALUE_LENGTH = 1024;

    /** Random bytes in a salt made by {@link #newSalt}, and the least a salt must carry (128 bits). */
    public static final int SALT_BYTES = 16;

    private static final Base64.Encoder SALT_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    public LogEntry {
        if (seq < 0 || seq > CanonicalJson.MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("seq must be within 0..2^53-1: " + seq);
        }
        if (registeredAt == null) {
            throw new IllegalArgumentException("registeredAt is required");
        }
        // The canonical form carries milliseconds; finer precision would not survive a round trip.
        registeredAt = registeredAt.truncatedTo(ChronoUnit.MILLIS);
        if (registeredAt.isBefore(EARLIEST) || registeredAt.isAfter(LATEST)) {
            throw new IllegalArgumentException("registeredAt outside years 0000..9999");
        }
        if (salt != null && !isSalt(salt)) {
            throw new IllegalArgumentException(
                    "salt must be unpadded base64url of at least " + SALT_BYTES + " bytes, in canonical form");
        }
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (decision != null && !DECISIONS.contains(decision)) {
            throw new IllegalArgumentException("decision must be one of " + DECISIONS + ": " + decision);
        }
        if (subjectPseudonym != null && !Pseudonyms.isPseudonym(subjectPseudonym)) {
            throw new IllegalArgumentException("subjectPseudonym is not a pseudonym (never put a BSN here)");
        }
        if (retentionUntil != null && (retentionUntil.getYear() < 0 || retentionUntil.getYear() > 9999)) {
            throw new IllegalArgumentException("retentionUntil outside years 0000..9999");
        }
        reasonCodes = strings("reasonCodes", reasonCodes);
        categoriesRequested = strings("categoriesRequested", categoriesRequested);
        categoriesReleased = strings("categoriesReleased", categoriesReleased);
        attributes = attributes(attributes);
        for (String s : new String[] {
            traceId,
            spanId,
            callerSpanId,
            purpose,
            legalBasis,
            flow,
            agreement,
            policyVersion,
            requestingOrganisation,
            actingRole,
            user,
            client,
            holder,
            holderRole,
            recipient,
            recipientRole,
            consentId,
            overrideId,
            measureId,
            referenceId
        }) {
            if (s != null && !CanonicalJson.isWellFormed(s)) {
                throw new IllegalArgumentException("text field holds a lone surrogate");
            }
        }
    }

    /** A builder for an entry of the given kind; the sequencer sets seq and time later. */
    public static Builder builder(EntryKind kind) {
        return new Builder(kind);
    }

    /** A builder starting from this entry's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * This entry at another place or time, keeping its salt (or lack of one). The sequencer uses
     * {@link #sequenced(long, Instant, String)} instead, so that every new entry gets a fresh salt.
     */
    public LogEntry sequenced(long newSeq, Instant newRegisteredAt) {
        return toBuilder().seq(newSeq).registeredAt(newRegisteredAt).build();
    }

    /** This entry at its place in the log with a fresh salt: what the sequencer does just before hashing. */
    public LogEntry sequenced(long newSeq, Instant newRegisteredAt, String newSalt) {
        return toBuilder()
                .seq(newSeq)
                .registeredAt(newRegisteredAt)
                .salt(newSalt)
                .build();
    }

    /** A fresh salt: {@value #SALT_BYTES} random bytes in unpadded base64url (22 characters). */
    public static String newSalt(SecureRandom random) {
        byte[] bytes = new byte[SALT_BYTES];
        random.nextBytes(bytes);
        return SALT_ENCODER.encodeToString(bytes);
    }

    /**
     * True if the text is a salt: unpadded base64url that decodes to at least {@value #SALT_BYTES}
     * bytes and is the one encoding of those bytes (no padding, no stray bits in the last character).
     */
    public static boolean isSalt(String text) {
        if (text == null) {
            return false;
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return bytes.length >= SALT_BYTES && SALT_ENCODER.encodeToString(bytes).equals(text);
    }

    private static List<String> strings(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> copy = List.copyOf(values);
        for (String s : copy) {
            if (!CanonicalJson.isWellFormed(s)) {
                throw new IllegalArgumentException(field + " holds a lone surrogate");
            }
        }
        return copy;
    }

    private static Map<String, String> attributes(Map<String, String> values) {
        if (values == null || values.isEmpty()) {
            return Map.of();
        }
        if (values.size() > MAX_ATTRIBUTES) {
            throw new IllegalArgumentException("at most " + MAX_ATTRIBUTES + " attributes");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new IllegalArgumentException("attribute names and values are required");
            }
            if (v.length() > MAX_ATTRIBUTE_VALUE_LENGTH) {
                throw new IllegalArgumentException("attribute " + k + " is too long");
            }
            if (!CanonicalJson.isWellFormed(k) || !CanonicalJson.isWellFormed(v)) {
                throw new IllegalArgumentException("attribute " + k + " holds a lone surrogate");
            }
            copy.put(k, v);
        });
        return Collections.unmodifiableSortedMap(copy);
    }

    /** Mutable builder; {@link #build()} validates. Holds one value per {@link EntryField}. */
    public static final class Builder {
        private static final EntryField[] FIELDS = EntryField.values();

        private final Object[] values = new Object[FIELDS.length];

        private Builder(EntryKind kind) {
            set(EntryField.SEQ, 0L);
            set(EntryField.REGISTERED_AT, Instant.EPOCH);
            set(EntryField.CONFIDENTIAL, false);
            set(EntryField.KIND, kind);
        }

        private Builder(LogEntry e) {
            for (EntryField f : FIELDS) {
                set(f, f.value(e));
            }
        }

        /** Sets a field to a value of its record type (boxed): what the decoder reads. */
        Builder set(EntryField field, Object value) {
            values[field.ordinal()] = value;
            return this;
        }

        @SuppressWarnings("unchecked")
        private <T> T get(EntryField field) {
            return (T) values[field.ordinal()];
        }

        public Builder seq(long v) {
            return set(EntryField.SEQ, v);
        }

        public Builder registeredAt(Instant v) {
            return set(EntryField.REGISTERED_AT, v);
        }

        public Builder salt(String v) {
            return set(EntryField.SALT, v);
        }

        public Builder traceId(String v) {
            return set(EntryField.TRACE_ID, v);
        }

        public Builder spanId(String v) {
            return set(EntryField.SPAN_ID, v);
        }

        /** The span of the caller's own operation, when its request carried a W3C {@code traceparent}. */
        public Builder callerSpanId(String v) {
            return set(EntryField.CALLER_SPAN_ID, v);
        }

        public Builder kind(EntryKind v) {
            return set(EntryField.KIND, v);
        }

        public Builder decision(String v) {
            return set(EntryField.DECISION, v);
        }

        public Builder reasonCodes(List<String> v) {
            return set(EntryField.REASON_CODES, v);
        }

        public Builder purpose(String v) {
            return set(EntryField.PURPOSE, v);
        }

        public Builder legalBasis(String v) {
            return set(EntryField.LEGAL_BASIS, v);
        }

        public Builder flow(String v) {
            return set(EntryField.FLOW, v);
        }

        public Builder agreement(String v) {
            return set(EntryField.AGREEMENT, v);
        }

        public Builder policyVersion(String v) {
            return set(EntryField.POLICY_VERSION, v);
        }

        public Builder requestingOrganisation(String v) {
            return set(EntryField.REQUESTING_ORGANISATION, v);
        }

        public Builder actingRole(String v) {
            return set(EntryField.ACTING_ROLE, v);
        }

        public Builder user(String v) {
            return set(EntryField.USER, v);
        }

        public Builder client(String v) {
            return set(EntryField.CLIENT, v);
        }

        public Builder holder(String v) {
            return set(EntryField.HOLDER, v);
        }

        public Builder holderRole(String v) {
            return set(EntryField.HOLDER_ROLE, v);
        }

        public Builder recipient(String v) {
            return set(EntryField.RECIPIENT, v);
        }

        public Builder recipientRole(String v) {
            return set(EntryField.RECIPIENT_ROLE, v);
        }

        public Builder subjectPseudonym(String v) {
            return set(EntryField.SUBJECT_PSEUDONYM, v);
        }

        public Builder categoriesRequested(List<String> v) {
            return set(EntryField.CATEGORIES_REQUESTED, v);
        }

        public Builder categoriesReleased(List<String> v) {
            return set(EntryField.CATEGORIES_RELEASED, v);
        }

        public Builder consentId(String v) {
            return set(EntryField.CONSENT_ID, v);
        }

        public Builder overrideId(String v) {
            return set(EntryField.OVERRIDE_ID, v);
        }

        public Builder measureId(String v) {
            return set(EntryField.MEASURE_ID, v);
        }

        public Builder referenceId(String v) {
            return set(EntryField.REFERENCE_ID, v);
        }

        public Builder confidential(boolean v) {
            return set(EntryField.CONFIDENTIAL, v);
        }

        public Builder retentionUntil(LocalDate v) {
            return set(EntryField.RETENTION_UNTIL, v);
        }

        public Builder attributes(Map<String, String> v) {
            return set(EntryField.ATTRIBUTES, v);
        }

        public LogEntry build() {
            return new LogEntry(
                    get(EntryField.SEQ),
                    get(EntryField.REGISTERED_AT),
                    get(EntryField.SALT),
                    get(EntryField.TRACE_ID),
                    get(EntryField.SPAN_ID),
                    get(EntryField.CALLER_SPAN_ID),
                    get(EntryField.KIND),
                    get(EntryField.DECISION),
                    get(EntryField.REASON_CODES),
                    get(EntryField.PURPOSE),
                    get(EntryField.LEGAL_BASIS),
                    get(EntryField.FLOW),
                    get(EntryField.AGREEMENT),
                    get(EntryField.POLICY_VERSION),
                    get(EntryField.REQUESTING_ORGANISATION),
                    get(EntryField.ACTING_ROLE),
                    get(EntryField.USER),
                    get(EntryField.CLIENT),
                    get(EntryField.HOLDER),
                    get(EntryField.HOLDER_ROLE),
                    get(EntryField.RECIPIENT),
                    get(EntryField.RECIPIENT_ROLE),
                    get(EntryField.SUBJECT_PSEUDONYM),
                    get(EntryField.CATEGORIES_REQUESTED),
                    get(EntryField.CATEGORIES_RELEASED),
                    get(EntryField.CONSENT_ID),
                    get(EntryField.OVERRIDE_ID),
                    get(EntryField.MEASURE_ID),
                    get(EntryField.REFERENCE_ID),
                    get(EntryField.CONFIDENTIAL),
                    get(EntryField.RETENTION_UNTIL),
                    get(EntryField.ATTRIBUTES));
        }
    }
}
