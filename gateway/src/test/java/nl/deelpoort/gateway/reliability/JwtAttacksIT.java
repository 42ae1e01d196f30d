package nl.deelpoort.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.gateway.support.TestServices;
import nl.deelpoort.gateway.support.TrustedKey;
import nl.deelpoort.keycloak.KeycloakLauncher;
import nl.deelpoort.keycloak.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the bearer token, each against a set of endpoints of several features, through the
 * real gateway and the real Keycloak. The harness first proves itself: the genuine claims of a
 * Keycloak token, signed again by a key the realm publishes ({@link TrustedKey}), are accepted on
 * every endpoint — so each refusal below is caused by the one thing the attack bent. A bypass is
 * any answer below 400 (the endpoint acted for the attacker) or 5xx (it broke instead of refusing).
 * The tally (attempts, bypasses per attack) is written to {@code target/reliability/jwt-attacks.tsv}
 * and recorded in docs/reliability.md.
 */
class JwtAttacksIT extends IntegrationTest {

    /** Endpoints of several features; those that need a body get one that fails validation (400), which is past authentication. */
    private static final List<Call> PROFESSIONAL_CALLS = List.of(
            new Call("GET", "/api/v1/me", null),
            new Call("GET", "/api/v1/transfers/inbox", null),
            new Call("GET", "/api/v1/agreements", null),
            new Call("GET", "/api/v1/log/checkpoint", null),
            new Call("POST", "/api/v1/decisions/evaluate", "{}"),
            new Call("POST", "/api/v1/disclosures", "{}"),
            new Call("POST", "/api/v1/consents/search", "{}"));

    /** The calls that act for an organisation (an organisation claim problem is refused there). */
    private static final List<Call> ORGANISATION_CALLS = List.of(
            new Call("GET", "/api/v1/transfers/inbox", null),
            new Call("POST", "/api/v1/decisions/evaluate", "{}"),
            new Call("POST", "/api/v1/disclosures", "{}"));

    private static final Tally TALLY = new Tally();

    private static JWTClaimsSet genuine;
    private static String keycloakToken;

    @BeforeAll
    static void genuineClaims() {
        keycloakToken = TestServices.get().tokens().user("anna.plusteam");
        genuine = TrustedKey.claimsOf(keycloakToken);
    }

    @Test
    void theHarnessItselfIsAcceptedEverywhere() {
        String resigned = TrustedKey.get().sign(genuine);
        for (Call call : PROFESSIONAL_CALLS) {
            Api.Response r = call.send(api(), resigned);
            assertThat(r.status())
                    .as(call + " with the genuine claims re-signed")
                    .isNotIn(401, 403)
                    .isLessThan(500);
        }
    }

    @Test
    void algNone() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        refusedEverywhere("alg none", header + "." + part(keycloakToken, 1) + ".");
        refusedEverywhere(
                "alg none, signature kept", header + "." + part(keycloakToken, 1) + "." + part(keycloakToken, 2));
    }

    /** The classic key-confusion attack: HMAC with the realm's public RSA key as the secret. */
    @Test
    void hs256SignedWithTheRealmsPublicKey() throws JOSEException {
        RSAPublicKey pub = TrustedKey.get().publicKey();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(pub.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        for (byte[] secret : List.of(pub.getEncoded(), pem.getBytes(StandardCharsets.US_ASCII))) {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .type(JOSEObjectType.JWT)
                            .keyID(TrustedKey.get().kid())
                            .build(),
                    genuine);
            jwt.sign(new MACSigner(secret));
            refusedEverywhere("HS256 with the realm's public key", jwt.serialize());
        }
    }

    @Test
    void aTokenOfAnotherRealm() {
        String master = new Tokens(
                        TestServices.get().keycloak().baseUrl() + "/realms/master/protocol/openid-connect/token")
                .passwordFor("admin-cli", KeycloakLauncher.DEV_ADMIN_USER, KeycloakLauncher.DEV_ADMIN_PASSWORD);
        refusedEverywhere("token of another realm", master);
    }

    @Test
    void anotherIssuerSignedByATrustedKey() {
        refusedEverywhere(
                "another issuer",
                signed(b -> b.issuer("https://keycloak.evil.example/realms/" + KeycloakLauncher.REALM)));
        refusedEverywhere("no issuer", signed(b -> b.issuer(null)));
    }

    @Test
    void wrongAudience() {
        refusedEverywhere("wrong audience", signed(b -> b.audience(List.of("account"))));
        refusedEverywhere("no audience", signed(b -> b.audience((String) null)));
    }

    @Test
    void expired() {
        Instant now = Instant.now();
        refusedEverywhere(
                "expired (10 min ago)",
                signed(b -> b.issueTime(Date.from(now.minusSeconds(1200)))
                        .expirationTime(Date.from(now.minusSeconds(600)))));
    }

    @Test
    void notYetValid() {
        Instant now = Instant.now();
        refusedEverywhere(
                "not yet valid (nbf in 10 min)", signed(b -> b.notBeforeTime(Date.from(now.plusSeconds(600)))));
    }

    @Test
    void tamperedPayload() {
        String payload = new String(Base64.getUrlDecoder().decode(part(keycloakToken, 1)), StandardCharsets.UTF_8)
                .replace("\"professional\"", "\"privacy-officer\"");
        assertThat(payload).contains("privacy-officer");
        refusedEverywhere(
                "tampered roles, signature kept",
                part(keycloakToken, 0) + "." + b64(payload) + "." + part(keycloakToken, 2));
    }

    @Test
    void strippedSignature() {
        refusedEverywhere("stripped signature", part(keycloakToken, 0) + "." + part(keycloakToken, 1) + ".");
        refusedEverywhere("header and payload only", part(keycloakToken, 0) + "." + part(keycloakToken, 1));
    }

    /** An attacker's key presented under the trusted key's id, or fetched from a URL the token names. */
    @Test
    void anUntrustedKeyUnderATrustedKeyIdOrFromTheTokensOwnUrl() throws Exception {
        KeyPair attacker = rsa();
        SignedJWT sameKid = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(TrustedKey.get().kid())
                        .build(),
                genuine);
        sameKid.sign(new RSASSASigner(attacker.getPrivate()));
        refusedEverywhere("untrusted key under a trusted kid", sameKid.serialize());

        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) attacker.getPublic())
                .keyID("attacker")
                .build();
        SignedJWT embedded = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID("attacker")
                        .jwk(jwk)
                        .jwkURL(URI.create("https://evil.example/jwks.json"))
                        .build(),
                genuine);
        embedded.sign(new RSASSASigner(attacker.getPrivate()));
        refusedEverywhere("key embedded in the header (jwk, jku)", embedded.serialize());
    }

    /** 64 KiB of claims: refused (401, or the server's header limit), never accepted, never a 5xx. */
    @Test
    void aHugeToken() {
        refusedEverywhere(
                "huge token (64 KiB claim)",
                signed(b -> b.claim("padding", "x".repeat(64 * 1024))),
                400,
                401,
                413,
                431);
    }

    @Test
    void aMissingOrganisationClaim() {
        refusedAt(ORGANISATION_CALLS, "no organisation claim", signed(b -> b.claim("organization", null)), 403);
    }

    /** Another organisation's id with a Cyrillic 'а' in it, validly signed: no such organisation, and not echoed. */
    @Test
    void aConfusableOrganisationClaim() {
        String confusable = "plusteаm";
        List<Api.Response> answers = refusedAt(
                ORGANISATION_CALLS,
                "confusable organisation id",
                signed(b -> b.claim("organization", List.of(confusable))),
                403);
        answers.forEach(r -> assertThat(r.body()).doesNotContain(confusable));
    }

    @Test
    void aForgedOrganisationClaimWithoutTheRealmsSignature() throws Exception {
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(TrustedKey.get().kid())
                        .build(),
                new JWTClaimsSet.Builder(genuine)
                        .claim("organization", List.of("veilig-thuis"))
                        .build());
        forged.sign(new RSASSASigner(rsa().getPrivate()));
        refusedEverywhere("forged organisation claim", forged.serialize());
    }

    @AfterAll
    static void writeTally() throws IOException {
        TALLY.write("jwt-attacks.tsv", "bypasses");
    }

    private void refusedEverywhere(String attack, String token) {
        refusedEverywhere(attack, token, 401);
    }

    private void refusedEverywhere(String attack, String token, Integer... allowed) {
        refusedAt(PROFESSIONAL_CALLS, attack, token, allowed);
    }

    private List<Api.Response> refusedAt(List<Call> calls, String attack, String token, Integer... allowed) {
        List<Api.Response> answers = new java.util.ArrayList<>();
        for (Call call : calls) {
            Api.Response r = call.send(api(), token);
            TALLY.count(attack, r.status() < 400 || r.status() >= 500);
            assertThat(r.status()).as(attack + " at " + call).isIn((Object[]) allowed);
            if (r.status() == 401 || r.status() == 403) {
                assertThat(r.contentType()).as(attack + " at " + call).startsWith("application/problem+json");
            }
            answers.add(r);
        }
        return answers;
    }

    private static String signed(UnaryOperator<JWTClaimsSet.Builder> bend) {
        return TrustedKey.get()
                .sign(bend.apply(new JWTClaimsSet.Builder(genuine)).build());
    }

    private static KeyPair rsa() throws NoSuchAlgorithmException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static String part(String jwt, int i) {
        return jwt.split("\\.")[i];
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    record Call(String method, String path, String body) {
        Api.Response send(Api api, String token) {
            return method.equals("GET") ? api.get(path, token) : api.post(path, token, body);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
