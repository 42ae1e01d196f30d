package nl.deelpoort.gateway.logstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import nl.deelpoort.gateway.startup.MissingKeysException;
import nl.deelpoort.ledger.note.NoteSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogKeysTest {

    private static LogSettings settings(Path dataDir, Path signingKeyFile, String pseudonymKey) {
        return new LogSettings("test.local/log", dataDir, signingKeyFile, pseudonymKey, null, null, null, null, null);
    }

    @Test
    void outsideTheDevProfileMissingKeysAreRefusedNamingTheSettingAndNothingIsGenerated(@TempDir Path dir)
            throws Exception {
        LogSettings none = settings(dir, null, null);
        assertThatThrownBy(() -> LogKeys.signer(none, false))
                .isInstanceOf(MissingKeysException.class)
                .hasMessageContaining("deelpoort.log.signing-key-file")
                .hasMessageContaining("DEELPOORT_LOG_SIGNING_KEY_FILE");
        assertThatThrownBy(() -> LogKeys.pseudonymKey(none, false))
                .isInstanceOf(MissingKeysException.class)
                .hasMessageContaining("deelpoort.log.pseudonym-key")
                .hasMessageContaining("DEELPOORT_LOG_PSEUDONYM_KEY");
        try (var listing = Files.list(dir)) {
            assertThat(listing).as("nothing generated").isEmpty();
        }
    }

    @Test
    void inTheDevProfileMissingKeysAreGeneratedOnceAndReused(@TempDir Path dir) {
        LogSettings none = settings(dir, null, null);
        String first = LogKeys.signer(none, true).privateKey();
        assertThat(LogKeys.signer(none, true).privateKey()).isEqualTo(first);
        assertThat(dir.resolve(LogKeys.SIGNING_KEY_FILE)).isRegularFile();
        byte[] pseudonym = LogKeys.pseudonymKey(none, true);
        assertThat(pseudonym).hasSize(32).isEqualTo(LogKeys.pseudonymKey(none, true));
    }

    @Test
    void configuredKeysAreUsedOutsideTheDevProfile(@TempDir Path dir) throws Exception {
        NoteSigner generated = NoteSigner.generate("test.local/log", new SecureRandom());
        Path keyFile = Files.writeString(dir.resolve("signing.key"), generated.privateKey() + "\n");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path empty = Files.createDirectory(dir.resolve("data"));
        LogSettings configured = settings(empty, keyFile, Base64.getEncoder().encodeToString(key));
        assertThat(LogKeys.signer(configured, false).privateKey()).isEqualTo(generated.privateKey());
        assertThat(LogKeys.pseudonymKey(configured, false)).isEqualTo(key);
        try (var listing = Files.list(empty)) {
            assertThat(listing).as("nothing generated").isEmpty();
        }
    }
}
