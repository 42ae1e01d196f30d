package nl.deelpoort.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The gateway's token checks (issuer, expiry, audience, algorithm, access token only) on tokens
 * signed with a local key, for the cases a real Keycloak will not readily produce (an expired token,
 * a foreign issuer with a trusted key, an ID token carrying the gateway's audience).
 */
class TokenValidationTest {

    private static final String ISSUER = "http://localhost:8180/realms/deelpoort";
    private final KeyPair keys = rsa();
    private final NimbusJwtDecoder decoder = decoder();

    @Test
    void validTokenIsAccepted() throws Exception {
        Jwt jwt = decoder.decode(
                sign(claims(ISSUER, List.of("deelpoort-gateway"), Instant.now().plusSeconds(60))));
        assertThat(jwt.getSubject()).isEqualTo("user-1");
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        String token =
                sign(claims(ISSUER, List.of("deelpoort-gateway"), Instant.now().minusSeconds(120)));
        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("exp");
    }

    @Test
    void wrongIssuerIsRefused() throws Exception {
        String token = sign(claims(
                "http://localhost:8180/realms/master",
                List.of("deelpoort-gateway"),
                Instant.now().plusSeconds(60)));
        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("iss");
    }

    @Test
    void wrongAudienceIsRefused() throws Exception {
        String token = sign(claims(ISSUER, List.of("account"), Instant.now().plusSeconds(60)));
        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("audience");
    }

    @Test
    void unsignedTokenIsRefused() throws Exception {
        String signed =
                sign(claims(ISSUER, List.of("deelpoort-gateway"), Instant.now().plusSeconds(60)));
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String none = header + "." + signed.split("\\.")[1] + ".";
        assertThatThrownBy(() -> decoder.decode(none)).isInstanceOf(JwtException.class);
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() throws Exception {
        String token = new TokenValidationTest()
                .sign(claims(ISSUER, List.of("deelpoort-gateway"), Instant.now().plusSeconds(60)));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void anIdTokenIsRefusedEvenWithTheGatewayAudience() throws Exception {
        String token =
                sign(claims(ISSUER, List.of("deelpoort-gateway"), Instant.now().plusSeconds(60), "ID"));
        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("Only access tokens");
    }

    @Test
    void aRefreshTokenIsRefused() throws Exception {
        String token =
                sign(claims(ISSUER, List.of("deelpoort-gateway"), Instant.now().plusSeconds(60), "Refresh"));
        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("Only access tokens");
    }

    @Test
    void aTokenThatDoesNotSayWhatItIsIsRefused() throws Exception {
        String token =
                sign(claims(ISSUER, List.of("deelpoort-gateway"), Instant.now().plusSeconds(60), null));
        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("Only access tokens");
    }

    @Test
    void anRfc9068AccessTokenIsAcceptedByItsHeaderType() throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType("at+jwt"))
                .build();
        Jwt jwt = decoder.decode(sign(
                header,
                claims(ISSUER, List.of("deelpoort-gateway"), Instant.now().plusSeconds(60), null)));
        assertThat(jwt.getSubject()).isEqualTo("user-1");
    }

    @Test
    void aTokenWithAnotherHeaderTypeIsRefused() throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType("logout+jwt"))
                .build();
        String token = sign(
                header,
                claims(ISSUER, List.of("deelpoort-gateway"), Instant.now().plusSeconds(60)));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void anIdTokenClaimOutranksAnAccessTokenHeader() throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType("at+jwt"))
                .build();
        String token = sign(
                header,
                claims(ISSUER, List.of("deelpoort-gateway"), Instant.now().plusSeconds(60), "ID"));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }

    private NimbusJwtDecoder decoder() {
        // As the gateway builds it: the typ header is left to the validators.
        NimbusJwtDecoder d = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic())
                .validateType(false)
                .build();
        d.setJwtValidator(SecurityConfiguration.tokenValidator(
                new SecuritySettings(URI.create(ISSUER), null, null, null, null, null)));
        return d;
    }

    /** An access token as Keycloak makes them ({@code typ: Bearer}). */
    private static JWTClaimsSet claims(String issuer, List<String> audience, Instant expiry) {
        return claims(issuer, audience, expiry, "Bearer");
    }

    private static JWTClaimsSet claims(String issuer, List<String> audience, Instant expiry, String typ) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("user-1")
                .audience(audience)
                .issueTime(Date.from(expiry.minusSeconds(300)))
                .expirationTime(Date.from(expiry))
                .claim("typ", typ)
                .build();
    }

    private String sign(JWTClaimsSet claims) throws Exception {
        return sign(new JWSHeader(JWSAlgorithm.RS256), claims);
    }

    private String sign(JWSHeader header, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
