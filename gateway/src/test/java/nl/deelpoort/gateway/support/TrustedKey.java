package nl.deelpoort.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import nl.deelpoort.keycloak.KeycloakLauncher;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;

/**
 * A signing key the tests hold and the realm publishes: an RSA key added to the test realm as a key
 * provider of the lowest priority, so Keycloak keeps signing with its own key, while the realm's
 * JWKS (and therefore the gateway) trusts this one too. A token this key signs differs from a
 * Keycloak token only where the test bends it, which is what an attack test needs: each refusal is
 * then caused by the one thing that was made wrong, not by a signature the gateway never knew.
 */
public final class TrustedKey {

    private static TrustedKey instance;

    private final KeyPair pair;
    private final String kid;

    private TrustedKey(KeyPair pair, String kid) {
        this.pair = pair;
        this.kid = kid;
    }

    /** The one key of this test JVM, added to the realm on first use. */
    public static synchronized TrustedKey get() {
        if (instance == null) {
            instance = register();
        }
        return instance;
    }

    public RSAPublicKey publicKey() {
        return (RSAPublicKey) pair.getPublic();
    }

    public String kid() {
        return kid;
    }

    /** {@code claims} signed RS256 by this key, with the header of a Keycloak access token. */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .type(JOSEObjectType.JWT)
                            .keyID(kid)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(pair.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a real token Keycloak issued, to be bent and signed again. */
    public static JWTClaimsSet claimsOf(String keycloakToken) {
        try {
            return SignedJWT.parse(keycloakToken).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static TrustedKey register() {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Keycloak admin = KeycloakAdmin.open()) {
            var realm = admin.realm(KeycloakLauncher.REALM);
            ComponentRepresentation key = new ComponentRepresentation();
            key.setName("tests-trusted-rsa");
            key.setProviderId("rsa");
            key.setProviderType("org.keycloak.keys.KeyProvider");
            key.setParentId(realm.toRepresentation().getId());
            MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
            config.put("priority", List.of("1"));
            config.put("enabled", List.of("true"));
            config.put("active", List.of("true"));
            config.put("algorithm", List.of("RS256"));
            config.put(
                    "privateKey",
                    List.of("-----BEGIN PRIVATE KEY-----\n"
                            + Base64.getMimeEncoder()
                                    .encodeToString(pair.getPrivate().getEncoded())
                            + "\n-----END PRIVATE KEY-----"));
            key.setConfig(config);
            try (var created = realm.components().add(key)) {
                if (created.getStatus() != 201) {
                    throw new IllegalStateException("Keycloak refused the test key: HTTP " + created.getStatus());
                }
            }
        }
        return new TrustedKey(pair, publishedKid((RSAPublicKey) pair.getPublic()));
    }

    /** The key id the realm's JWKS gives this key (Keycloak derives it from the key). */
    private static String publishedKid(RSAPublicKey publicKey) {
        String certs = TestServices.get().keycloak().issuer() + "/protocol/openid-connect/certs";
        try {
            JWKSet set = JWKSet.load(URI.create(certs).toURL());
            return set.getKeys().stream()
                    .filter(k -> k instanceof RSAKey r && modulusOf(r).equals(publicKey.getModulus()))
                    .map(k -> k.getKeyID())
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("the realm does not publish the test key at " + certs));
        } catch (java.io.IOException | ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.math.BigInteger modulusOf(RSAKey key) {
        return key.getModulus().decodeToBigInteger();
    }
}
