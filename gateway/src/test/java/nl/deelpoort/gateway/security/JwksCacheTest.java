package nl.deelpoort.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The gateway's cache of the realm's signing keys against a JWK set endpoint of the test's own that
 * it can take down and change: the keys it has outlive an outage of the realm, a token naming an
 * unknown key is refused as an invalid token (401, never a 500) without costing the known keys, and
 * cannot make the gateway fetch the set more than twice per minimum interval; a new key is fetched
 * when a token names it; a key the realm no longer publishes is dropped within the cache time.
 */
class JwksCacheTest {

    private static final String ISSUER = "http://localhost:8180/realms/deelpoort";

    private final Signer current = new Signer("key-1");
    private final AtomicReference<String> published = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer realm;
    private volatile boolean down;

    @BeforeEach
    void startRealm() throws IOException {
        publish(current);
        realm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        realm.createContext("/certs", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            if (down) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        realm.start();
    }

    @AfterEach
    void stopRealm() {
        realm.stop(0);
    }

    @Test
    void knownKeysOutliveAnOutageAndAnUnknownKeyIsAnInvalidToken() throws Exception {
        JwtDecoder decoder = decoder(Duration.ofMinutes(5), Duration.ofSeconds(30));
        assertThat(decoder.decode(current.token()).getSubject()).isEqualTo("user-1");
        down = true;
        assertThat(decoder.decode(current.token()).getSubject()).isEqualTo("user-1");
        assertThatThrownBy(() -> decoder.decode(new Signer("unknown").token())).isInstanceOf(BadJwtException.class);
        assertThat(decoder.decode(current.token()).getSubject())
                .as("the keys it has survive a failed refetch")
                .isEqualTo("user-1");
    }

    @Test
    void aNewKeyIsFetchedWhenATokenNamesIt() throws Exception {
        JwtDecoder decoder = decoder(Duration.ofMinutes(5), Duration.ofSeconds(30));
        decoder.decode(current.token());
        Signer next = new Signer("key-2");
        publish(current, next);
        assertThat(decoder.decode(next.token()).getSubject()).isEqualTo("user-1");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void unknownKeysCannotMakeTheGatewayHammerTheRealm() throws Exception {
        JwtDecoder decoder = decoder(Duration.ofMinutes(5), Duration.ofSeconds(30));
        decoder.decode(current.token());
        for (int i = 0; i < 20; i++) {
            String forged = new Signer("forged-" + i).token();
            assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        }
        assertThat(fetches.get())
                .as("fetches: the first and at most two per interval")
                .isLessThanOrEqualTo(3);
        assertThat(decoder.decode(current.token()).getSubject()).isEqualTo("user-1");
    }

    @Test
    void aKeyTheRealmNoLongerPublishesIsDroppedWithinTheCacheTime() throws Exception {
        Duration ttl = Duration.ofMillis(1_500);
        JwtDecoder decoder = decoder(ttl, Duration.ofMillis(500));
        decoder.decode(current.token());
        publish(new Signer("key-2"));
        assertThat(decoder.decode(current.token()).getSubject())
                .as("within the cache time")
                .isEqualTo("user-1");
        Thread.sleep(ttl.toMillis() + 300);
        assertThatThrownBy(() -> decoder.decode(current.token())).isInstanceOf(BadJwtException.class);
    }

    @Test
    void theSettingsRefuseAnIntervalNotShorterThanTheCacheTime() {
        assertThatThrownBy(() -> new SecuritySettings.Jwks(
                        Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min-refresh-interval");
    }

    private JwtDecoder decoder(Duration ttl, Duration minInterval) {
        URI certs = URI.create("http://127.0.0.1:" + realm.getAddress().getPort() + "/certs");
        return new SecurityConfiguration()
                .jwtDecoder(new SecuritySettings(
                        URI.create(ISSUER),
                        certs,
                        null,
                        new SecuritySettings.Jwks(ttl, minInterval, Duration.ofHours(1), Duration.ofSeconds(2)),
                        // The JWK set's cache alone: no verified token remembered (VerifiedTokensTest).
                        Duration.ZERO,
                        0));
    }

    private void publish(Signer... signers) {
        published.set(new JWKSet(java.util.Arrays.stream(signers)
                        .map(s -> (com.nimbusds.jose.jwk.JWK) s.jwk)
                        .toList())
                .toString());
    }

    /** An RSA key with a key id, making tokens the gateway would accept if it trusted the key. */
    private static final class Signer {
        final KeyPair pair;
        final RSAKey jwk;
        final String kid;

        Signer(String kid) {
            this.kid = kid;
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                pair = generator.generateKeyPair();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .keyID(kid)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
        }

        String token() throws Exception {
            Instant now = Instant.now();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .type(JOSEObjectType.JWT)
                            .keyID(kid)
                            .build(),
                    new JWTClaimsSet.Builder()
                            .issuer(ISSUER)
                            .subject("user-1")
                            .audience(List.of("deelpoort-gateway"))
                            .issueTime(Date.from(now))
                            .expirationTime(Date.from(now.plusSeconds(300)))
                            .claim("typ", "Bearer")
                            .build());
            jwt.sign(new RSASSASigner(pair.getPrivate()));
            return jwt.serialize();
        }
    }
}
