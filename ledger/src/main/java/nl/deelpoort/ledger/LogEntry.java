package nl.deelpoort.ledger;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One entry of the disclosure log (DOMAIN §7), as the ledger hashes it. Strings are plain strings: the
 * ledger does not know the policy vocabulary. Absent values are {@code null}; absent lists and maps
 * are empty. The record validates what the canonical form needs: times in milliseconds, integers JCS
 * can write, no lone surrogates, and a subject pseudonym that has the shape {@link
 * Pseudonyms#pseudonym} gives, so a BSN cannot slip into the log through that field.
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
 */
public record LogEntry(
        long seq,
        Instant registeredAt,
        String salt,
        String traceId,
        String spanId,
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

    /** The decisions DOMAIN §6 knows. */
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
        return java.util.Collections.unmodifiableSortedMap(copy);
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private long seq;
        private Instant registeredAt = Instant.EPOCH;
        private String salt;
        private String traceId;
        private String spanId;
        private EntryKind kind;
        private String decision;
        private List<String> reasonCodes;
        private String purpose;
        private String legalBasis;
        private String flow;
        private String agreement;
        private String policyVersion;
        private String requestingOrganisation;
        private String actingRole;
        private String user;
        private String client;
        private String holder;
        private String holderRole;
        private String recipient;
        private String recipientRole;
        private String subjectPseudonym;
        private List<String> categoriesRequested;
        private List<String> categoriesReleased;
        private String consentId;
        private String overrideId;
        private String measureId;
        private String referenceId;
        private boolean confidential;
        private LocalDate retentionUntil;
        private Map<String, String> attributes;

        private Builder(EntryKind kind) {
            this.kind = kind;
        }

        private Builder(LogEntry e) {
            seq = e.seq;
            registeredAt = e.registeredAt;
            salt = e.salt;
            traceId = e.traceId;
            spanId = e.spanId;
            kind = e.kind;
            decision = e.decision;
            reasonCodes = e.reasonCodes;
            purpose = e.purpose;
            legalBasis = e.legalBasis;
            flow = e.flow;
            agreement = e.agreement;
            policyVersion = e.policyVersion;
            requestingOrganisation = e.requestingOrganisation;
            actingRole = e.actingRole;
            user = e.user;
            client = e.client;
            holder = e.holder;
            holderRole = e.holderRole;
            recipient = e.recipient;
            recipientRole = e.recipientRole;
            subjectPseudonym = e.subjectPseudonym;
            categoriesRequested = e.categoriesRequested;
            categoriesReleased = e.categoriesReleased;
            consentId = e.consentId;
            overrideId = e.overrideId;
            measureId = e.measureId;
            referenceId = e.referenceId;
            confidential = e.confidential;
            retentionUntil = e.retentionUntil;
            attributes = e.attributes;
        }

        public Builder seq(long v) {
            seq = v;
            return this;
        }

        public Builder registeredAt(Instant v) {
            registeredAt = v;
            return this;
        }

        public Builder salt(String v) {
            salt = v;
            return this;
        }

        public Builder traceId(String v) {
            traceId = v;
            return this;
        }

        public Builder spanId(String v) {
            spanId = v;
            return this;
        }

        public Builder kind(EntryKind v) {
            kind = v;
            return this;
        }

        public Builder decision(String v) {
            decision = v;
            return this;
        }

        public Builder reasonCodes(List<String> v) {
            reasonCodes = v;
            return this;
        }

        public Builder purpose(String v) {
            purpose = v;
            return this;
        }

        public Builder legalBasis(String v) {
            legalBasis = v;
            return this;
        }

        public Builder flow(String v) {
            flow = v;
            return this;
        }

        public Builder agreement(String v) {
            agreement = v;
            return this;
        }

        public Builder policyVersion(String v) {
            policyVersion = v;
            return this;
        }

        public Builder requestingOrganisation(String v) {
            requestingOrganisation = v;
            return this;
        }

        public Builder actingRole(String v) {
            actingRole = v;
            return this;
        }

        public Builder user(String v) {
            user = v;
            return this;
        }

        public Builder client(String v) {
            client = v;
            return this;
        }

        public Builder holder(String v) {
            holder = v;
            return this;
        }

        public Builder holderRole(String v) {
            holderRole = v;
            return this;
        }

        public Builder recipient(String v) {
            recipient = v;
            return this;
        }

        public Builder recipientRole(String v) {
            recipientRole = v;
            return this;
        }

        public Builder subjectPseudonym(String v) {
            subjectPseudonym = v;
            return this;
        }

        public Builder categoriesRequested(List<String> v) {
            categoriesRequested = v;
            return this;
        }

        public Builder categoriesReleased(List<String> v) {
            categoriesReleased = v;
            return this;
        }

        public Builder consentId(String v) {
            consentId = v;
            return this;
        }

        public Builder overrideId(String v) {
            overrideId = v;
            return this;
        }

        public Builder measureId(String v) {
            measureId = v;
            return this;
        }

        public Builder referenceId(String v) {
            referenceId = v;
            return this;
        }

        public Builder confidential(boolean v) {
            confidential = v;
            return this;
        }

        public Builder retentionUntil(LocalDate v) {
            retentionUntil = v;
            return this;
        }

        public Builder attributes(Map<String, String> v) {
            attributes = v;
            return this;
        }

        public LogEntry build() {
            return new LogEntry(
                    seq,
                    registeredAt,
                    salt,
                    traceId,
                    spanId,
                    kind,
                    decision,
                    reasonCodes,
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
                    subjectPseudonym,
                    categoriesRequested,
                    categoriesReleased,
                    consentId,
                    overrideId,
                    measureId,
                    referenceId,
                    confidential,
                    retentionUntil,
                    attributes);
        }
    }
}
