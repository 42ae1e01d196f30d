package nl.deelpoort.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Subject pseudonyms that can be unlinked by destroying one secret (crypto-shredding).
 *
 * <p>Two steps, two keys. The gateway holds one long-lived <em>lookup key</em> and, per subject, a
 * random 32-byte <em>subject secret</em> stored in a row found by {@link #lookupKey}. The pseudonym
 * written to the log is derived from the subject secret alone ({@link #pseudonym}). Deleting the
 * subject's row destroys the secret: the lookup key still finds "no row" for the BSN, and nothing left
 * can recompute the pseudonym, so the log entries stay (and so do their hashes and proofs) but no
 * longer point to a person. A new secret after "forget" gives a new, unrelated pseudonym.
 */
public final class Pseudonyms {

    /** Length of a pseudonym: 128 bits in unpadded base64url. */
    public static final int PSEUDONYM_LENGTH = 22;

    private static final byte[] PSEUDONYM_LABEL = "deelpoort-subject".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern BSN_DIGITS = Pattern.compile("[0-9]{9}");
    private static final Pattern PSEUDONYM = Pattern.compile("[A-Za-z0-9_-]{21}[AQgw]");

    private Pseudonyms() {}

    /**
     * HMAC-SHA256(lookupKey, ASCII digits of the BSN): the key of the subject-secret row. The lookup
     * key must stay out of the log and out of backups that outlive retention, otherwise the row key
     * links a BSN to its (deleted) row; it never reaches the log itself.
     */
    public static byte[] lookupKey(byte[] hmacKey, String bsnDigits) {
        return new LookupKeys(hmacKey).of(bsnDigits);
    }

    /**
     * {@link #lookupKey} under one key, the HMAC keyed once and copied per BSN (the gateway looks a
     * subject up on every decision; getting and keying a {@code Mac} each time showed in its profile).
     * Thread-safe: the keyed prototype is only ever copied.
     */
    public static final class LookupKeys {
        private final Mac keyed;

        public LookupKeys(byte[] hmacKey) {
            this.keyed = keyed(hmacKey);
        }

        /** HMAC-SHA256(key, ASCII digits of the BSN). */
        public byte[] of(String bsnDigits) {
            if (bsnDigits == null || !BSN_DIGITS.matcher(bsnDigits).matches()) {
                throw new IllegalArgumentException("a BSN is exactly nine digits");
            }
            Mac mac;
            try {
                mac = (Mac) keyed.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("the JDK's HmacSHA256 can be copied", e);
            }
            return mac.doFinal(bsnDigits.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** base64url (unpadded) of the first 128 bits of HMAC-SHA256(subjectSecret, "deelpoort-subject"). */
    public static String pseudonym(byte[] subjectSecret) {
        if (subjectSecret == null || subjectSecret.length < 16) {
            throw new IllegalArgumentException("a subject secret has at least 128 bits");
        }
        byte[] mac = hmac(subjectSecret, PSEUDONYM_LABEL);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, 16));
    }

    /** A fresh 256-bit subject secret. */
    public static byte[] newSubjectSecret(SecureRandom random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return secret;
    }

    /** True if the text has the exact shape {@link #pseudonym} produces (so it cannot be a BSN). */
    public static boolean isPseudonym(String text) {
        return text != null && PSEUDONYM.matcher(text).matches();
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        return keyed(key).doFinal(data);
    }

    private static Mac keyed(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("an HMAC key is required");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is a required JDK algorithm", e);
        }
    }
}
