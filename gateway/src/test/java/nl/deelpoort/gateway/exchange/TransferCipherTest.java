package nl.deelpoort.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import nl.deelpoort.gateway.startup.MissingKeysException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferCipherTest {

    private static final byte[] K1 = key(1);
    private static final byte[] K2 = key(2);
    private static final byte[] AAD = "transfer-1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PLAIN = "{\"BSN\":\"999993653\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealsWithTheActiveKeyAndOpensAgain() {
        TransferCipher cipher = new TransferCipher(Map.of("k1", K1), "k1");
        TransferCipher.Sealed sealed = cipher.seal(PLAIN, AAD);
        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("999993653");
        assertThat(cipher.open(sealed, AAD)).isEqualTo(PLAIN);
    }

    @Test
    void aFreshNonceEveryTime() {
        TransferCipher cipher = new TransferCipher(Map.of("k1", K1), "k1");
        assertThat(cipher.seal(PLAIN, AAD).nonce())
                .isNotEqualTo(cipher.seal(PLAIN, AAD).nonce());
    }

    @Test
    void afterRotationOldRowsStillOpen() {
        TransferCipher.Sealed old = new TransferCipher(Map.of("k1", K1), "k1").seal(PLAIN, AAD);
        TransferCipher rotated = new TransferCipher(Map.of("k1", K1, "k2", K2), "k2");
        assertThat(rotated.seal(PLAIN, AAD).keyId()).isEqualTo("k2");
        assertThat(rotated.open(old, AAD)).isEqualTo(PLAIN);
    }

    @Test
    void anotherRowsAssociatedDataOrATamperedCiphertextIsRefused() {
        TransferCipher cipher = new TransferCipher(Map.of("k1", K1), "k1");
        TransferCipher.Sealed sealed = cipher.seal(PLAIN, AAD);
        assertThatThrownBy(() -> cipher.open(sealed, "transfer-2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class);
        byte[] bad = sealed.ciphertext().clone();
        bad[0] ^= 1;
        assertThatThrownBy(() -> cipher.open(new TransferCipher.Sealed("k1", sealed.nonce(), bad), AAD))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(
                        () -> cipher.open(new TransferCipher.Sealed("gone", sealed.nonce(), sealed.ciphertext()), AAD))
                .hasMessageContaining("not configured");
    }

    @Test
    void keysMustBeAes256AndTheActiveOneMustExist() {
        assertThatThrownBy(() -> new TransferCipher(Map.of("k1", new byte[16]), "k1"))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new TransferCipher(Map.of("k1", K1), "k9")).hasMessageContaining("active-key");
    }

    @Test
    void withoutConfiguredKeysOneIsGeneratedOnceAndReused(@TempDir Path dir) throws Exception {
        ExchangeSettings settings = new ExchangeSettings(null, null, dir, null, null, null, null);
        TransferCipher.Sealed sealed = TransferCipher.from(settings, true).seal(PLAIN, AAD);
        assertThat(sealed.keyId()).isEqualTo(TransferCipher.GENERATED_KEY_ID);
        assertThat(TransferCipher.from(settings, true).open(sealed, AAD)).isEqualTo(PLAIN);
        Path file = dir.resolve(TransferCipher.GENERATED_KEY_FILE);
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        try (var listing = Files.list(dir)) {
            assertThat(listing).as("no temporary files left behind").containsExactly(file);
        }
    }

    @Test
    void configuredKeysAreBase64() {
        ExchangeSettings settings = new ExchangeSettings(
                Map.of("k1", Base64.getEncoder().encodeToString(K1), "k2", "not base64!"),
                "k1",
                null,
                null,
                null,
                null,
                null);
        assertThatThrownBy(() -> TransferCipher.from(settings, false))
                .hasMessageContaining("deelpoort.exchange.keys.k2");
    }

    @Test
    void outsideTheDevProfileMissingKeysAreRefusedAndNoneIsGenerated(@TempDir Path dir) throws Exception {
        ExchangeSettings settings = new ExchangeSettings(null, null, dir, null, null, null, null);
        assertThatThrownBy(() -> TransferCipher.from(settings, false))
                .isInstanceOf(MissingKeysException.class)
                .hasMessageContaining("deelpoort.exchange.keys.<id>")
                .hasMessageContaining("DEELPOORT_EXCHANGE_KEYS_<ID>");
        try (var listing = Files.list(dir)) {
            assertThat(listing).as("nothing generated").isEmpty();
        }
    }

    @Test
    void configuredKeysAreUsedWithoutTheDevProfile(@TempDir Path dir) throws Exception {
        ExchangeSettings settings = new ExchangeSettings(
                Map.of("k1", Base64.getEncoder().encodeToString(K1)), "k1", dir, null, null, null, null);
        assertThat(TransferCipher.from(settings, false).seal(PLAIN, AAD).keyId())
                .isEqualTo("k1");
        try (var listing = Files.list(dir)) {
            assertThat(listing).as("nothing generated").isEmpty();
        }
    }

    private static byte[] key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return k;
    }
}
