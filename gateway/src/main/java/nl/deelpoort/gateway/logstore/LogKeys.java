package nl.deelpoort.gateway.logstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;
import nl.deelpoort.gateway.startup.MissingKeysException;
import nl.deelpoort.gateway.startup.MissingKeysException.MissingKey;
import nl.deelpoort.ledger.note.NoteSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log's two secrets: the checkpoint signing key and the pseudonym lookup key. Taken from the
 * settings when given (production); otherwise read from, or on first start generated into, the data
 * folder (docs/design.md: "generated on first start into the local data folder"). Generated files are
 * readable by the owner only and written atomically, so two instances starting together agree.
 */
final class LogKeys {

    static final String SIGNING_KEY_FILE = "log-signing.key";
    static final String PSEUDONYM_KEY_FILE = "pseudonym-lookup.key";

    private static final Logger log = LoggerFactory.getLogger(LogKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The configured key; else, if {@code generate} (the dev profile), the generated one; else refuses. */
    static NoteSigner signer(LogSettings settings, boolean generate) {
        if (settings.signingKeyFile() != null) {
            return NoteSigner.fromPrivateKey(read(settings.signingKeyFile()));
        }
        if (!generate) {
            throw new MissingKeysException(new MissingKey(
                    "deelpoort.log.signing-key-file",
                    "DEELPOORT_LOG_SIGNING_KEY_FILE",
                    "file with the disclosure log's checkpoint signing key"));
        }
        Path file = settings.dataDir().resolve(SIGNING_KEY_FILE);
        String key = readOrCreate(
                file, () -> NoteSigner.generate(settings.origin(), RANDOM).privateKey());
        return NoteSigner.fromPrivateKey(key);
    }

    /** The configured key; else, if {@code generate} (the dev profile), the generated one; else refuses. */
    static byte[] pseudonymKey(LogSettings settings, boolean generate) {
        String text = settings.pseudonymKey();
        if ((text == null || text.isBlank()) && !generate) {
            throw new MissingKeysException(new MissingKey(
                    "deelpoort.log.pseudonym-key",
                    "DEELPOORT_LOG_PSEUDONYM_KEY",
                    "base64 HMAC key (at least 32 bytes) for subject pseudonyms"));
        }
        if (text == null || text.isBlank()) {
            Path file = settings.dataDir().resolve(PSEUDONYM_KEY_FILE);
            text = readOrCreate(file, () -> {
                byte[] key = new byte[32];
                RANDOM.nextBytes(key);
                return Base64.getEncoder().encodeToString(key);
            });
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("deelpoort.log.pseudonym-key is not base64");
        }
        if (key.length < 32) {
            throw new IllegalArgumentException("deelpoort.log.pseudonym-key must be at least 32 bytes");
        }
        return key;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read log key file " + file, e);
        }
    }

    private static String readOrCreate(Path file, Supplier<String> generate) {
        if (Files.exists(file)) {
            return read(file);
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".new-", ".key");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, generate.get() + "\n", StandardCharsets.UTF_8);
            try {
                // Without REPLACE_EXISTING: an instance that lost the race keeps the winner's key.
                Files.move(tmp, file);
                log.info("Generated {} (development key; configure one for production)", file);
            } catch (FileAlreadyExistsException lostRace) {
                Files.deleteIfExists(tmp);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create log key file " + file, e);
        }
    }

    private LogKeys() {}
}
