package nl.deelpoort.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PseudonymsTest {

    @Test
    void lookupKeyIsHmacSha256OfTheBsnDigits() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        // Known answer computed outside Java: HMAC-SHA256(00 01 .. 1f, "999993653").
        assertThat(HexFormat.of().formatHex(Pseudonyms.lookupKey(key, "999993653")))
                .isEqualTo("6c8a938226b3856afe3d59fd92d12a4a04c12571d1bbeacc8df7b22922133ffb");
        assertThat(Pseudonyms.lookupKey(key, "999993653")).isNotEqualTo(Pseudonyms.lookupKey(key, "999993665"));
        assertThat(Pseudonyms.lookupKey(new byte[] {1}, "999993653"))
                .isNotEqualTo(Pseudonyms.lookupKey(key, "999993653"));
    }

    @Test
    void oneKeyedLookupUsedAgainAndFromManyThreadsGivesTheKnownAnswerEveryTime() throws Exception {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        Pseudonyms.LookupKeys keys = new Pseudonyms.LookupKeys(key);
        java.util.List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        String bsn = i % 2 == 0 ? "999993653" : "999993665";
                        if (!Arrays.equals(keys.of(bsn), Pseudonyms.lookupKey(key, bsn))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(HexFormat.of().formatHex(keys.of("999993653")))
                .isEqualTo("6c8a938226b3856afe3d59fd92d12a4a04c12571d1bbeacc8df7b22922133ffb");
        assertThatThrownBy(() -> keys.of("99999365")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pseudonymIsTruncatedHmacOfTheSubjectSecret() {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 7);
        // Known answer computed outside Java: base64url(HMAC-SHA256(07*32, "deelpoort-subject")[0:16]).
        assertThat(Pseudonyms.pseudonym(secret)).isEqualTo("Csgi1ojV7l-TnWhW9Kexcw");
        assertThat(Pseudonyms.isPseudonym(Pseudonyms.pseudonym(secret))).isTrue();
    }

    @Test
    void aNewSecretGivesAnUnrelatedPseudonym() {
        SecureRandom random = new SecureRandom();
        byte[] before = Pseudonyms.newSubjectSecret(random);
        byte[] after = Pseudonyms.newSubjectSecret(random);
        assertThat(before).hasSize(32);
        assertThat(Pseudonyms.pseudonym(before))
                .isEqualTo(Pseudonyms.pseudonym(before.clone()))
                .isNotEqualTo(Pseudonyms.pseudonym(after))
                .hasSize(Pseudonyms.PSEUDONYM_LENGTH);
    }

    @Test
    void refusesBadInput() {
        assertThatThrownBy(() -> Pseudonyms.lookupKey(new byte[32], "12345678"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pseudonyms.lookupKey(new byte[32], "99999365a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pseudonyms.lookupKey(new byte[0], "999993653"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pseudonyms.pseudonym(new byte[8])).isInstanceOf(IllegalArgumentException.class);
        assertThat(Pseudonyms.isPseudonym("999993653")).isFalse();
        assertThat(Pseudonyms.isPseudonym("Csgi1ojV7l-TnWhW9Kexcx")).isFalse();
        assertThat(Pseudonyms.isPseudonym(null)).isFalse();
    }
}
