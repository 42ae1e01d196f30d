package nl.deelpoort.gateway.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import nl.deelpoort.gateway.startup.MissingKeysException;
import nl.deelpoort.gateway.startup.MissingKeysException.MissingKey;

/**
 * AES-256-GCM for transfers at rest. The associated data binds a ciphertext to its row (transfer id,
 * sender, recipient), so a row's content cannot be moved to another row or recipient unnoticed.
 * Keys are named; each sealed value carries the name of its key, so keys can rotate.
 */
final class TransferCipher {

    static final String GENERATED_KEY_ID = "local";
    static final String GENERATED_KEY_FILE = "transfer-aes256.key";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {}

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    TransferCipher(Map<String, byte[]> keys, String activeKeyId) {
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("deelpoort.exchange.active-key names no key in deelpoort.exchange.keys");
        }
        Map<String, SecretKey> k = new LinkedHashMap<>();
        keys.forEach((id, bytes) -> {
            if (bytes.length != 32) {
                throw new IllegalArgumentException("deelpoort.exchange.keys." + id + " must be 32 bytes (AES-256)");
            }
            k.put(id, new SecretKeySpec(bytes, "AES"));
        });
        this.keys = Map.copyOf(k);
        this.activeKeyId = activeKeyId;
    }

    /**
     * From the settings; when none are configured, the generated development key if {@code generate}
     * (the dev profile), else {@link MissingKeysException}.
     */
    static TransferCipher from(ExchangeSettings settings, boolean generate) {
        if (settings.keys().isEmpty()) {
            if (!generate) {
                throw new MissingKeysException(new MissingKey(
                        "deelpoort.exchange.keys.<id>",
                        "DEELPOORT_EXCHANGE_KEYS_<ID> and DEELPOORT_EXCHANGE_ACTIVE_KEY",
                        "base64 AES-256 key(s) that seal pushed transfers"));
            }
            return new TransferCipher(
                    Map.of(GENERATED_KEY_ID, generatedKey(settings.dataDir().resolve(GENERATED_KEY_FILE))),
                    GENERATED_KEY_ID);
        }
        if (settings.activeKey() == null || settings.activeKey().isBlank()) {
            throw new IllegalArgumentException(
                    "deelpoort.exchange.active-key is required with deelpoort.exchange.keys");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        settings.keys().forEach((id, text) -> {
            try {
                keys.put(id, Base64.getDecoder().decode(text.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("deelpoort.exchange.keys." + id + " is not base64");
            }
        });
        return new TransferCipher(keys, settings.activeKey());
    }

    Sealed seal(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(associatedData);
            return new Sealed(activeKeyId, nonce, c.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** @throws IllegalStateException if the key is unknown or the value or its associated data was altered */
    byte[] open(Sealed sealed, byte[] associatedData) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("transfer key " + sealed.keyId() + " is not configured");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            c.updateAAD(associatedData);
            return c.doFinal(sealed.ciphertext());
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("transfer ciphertext failed authentication", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** Read, or on first start written atomically (owner-only) so instances starting together agree. */
    private static byte[] generatedKey(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path tmp = Files.createTempFile(file.getParent(), ".new-", ".key");
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                }
                byte[] key = new byte[32];
                RANDOM.nextBytes(key);
                Files.writeString(tmp, Base64.getEncoder().encodeToString(key), StandardCharsets.UTF_8);
                try {
                    // link(2) fails if the name exists: of two instances starting together, one wins.
                    Files.createLink(file, tmp);
                } catch (FileAlreadyExistsException e) {
                    // The other instance's key is the key.
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            return Base64.getDecoder()
                    .decode(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the transfer key " + file, e);
        }
    }
}
