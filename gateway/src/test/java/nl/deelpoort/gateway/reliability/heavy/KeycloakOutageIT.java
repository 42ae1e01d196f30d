package nl.deelpoort.gateway.reliability.heavy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.deelpoort.devkit.EmbeddedDatabase;
import nl.deelpoort.gateway.DeelpoortGateway;
import nl.deelpoort.keycloak.KeycloakLauncher;
import nl.deelpoort.keycloak.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Keycloak stopped, then back with a rotated signing key, against a gateway of this test's own
 * (its own Keycloak, which it stops and starts; its own PostgreSQL). The phases run in order and
 * share their state:
 *
 * <ol>
 *   <li>Keycloak up: two tokens, one of 10 minutes, one of {@value #SHORT_LIFESPAN_S} s, both accepted.
 *   <li>Keycloak stopped: both still accepted (the gateway has the realm's keys); a token naming a key
 *       the gateway does not know is refused with 401 and does not cost the known keys; no token can
 *       be had; the console's login redirects to Keycloak, and a login that comes back fails to the
 *       console's "failed" page, no 500; the short token is refused once expired (past the clock
 *       skew), not before.
 *   <li>Keycloak restarted: it imports the realm afresh (in-memory database), so it signs with a
 *       new key and no longer publishes the old one. A new token is accepted after a delay that is
 *       measured; the long old token is refused from then on (its key is gone).
 *   <li>Rotated the way the runbook says (a new key of higher priority, the old one passive): a
 *       token of the new key is accepted after a measured delay, a token of the passive key still is;
 *       once the old key is disabled, its token is refused within the JWK set's cache time (plus the
 *       time a verified token is remembered).
 * </ol>
 *
 * Figures go to {@code target/reliability/keycloak-outage.tsv}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakOutageIT {

    static final int SHORT_LIFESPAN_S = 10;
    static final int LONG_LIFESPAN_S = 600;
    /** Spring Security's default leeway on {@code exp}. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** The console's session cookie (server.servlet.session.cookie.name). */
    static final String SESSION_COOKIE = "DEELPOORT_CONSOLE";
    /** The JWK set cache of this test's gateway (short, so that a disabled key's end is seen). */
    static final Duration JWKS_TTL = Duration.ofSeconds(20);
    /** At most two fetches of the JWK set in this much time. */
    static final Duration JWKS_MIN_INTERVAL = Duration.ofSeconds(5);
    /** How long this test's gateway remembers a verified token: a withdrawn key's token may live this much longer. */
    static final Duration VERIFIED_TTL = Duration.ofSeconds(5);

    private static final String USER = "bram.cmd-gm";
    private static final String ME = "/api/v1/me";
    private static final Pattern STATE = Pattern.compile("[?&]state=([^&]+)");

    private final Map<String, String> figures = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private EmbeddedDatabase database;
    private KeycloakLauncher keycloak;
    private KeycloakLauncher.Settings keycloakSettings;
    private ConfigurableApplicationContext gateway;
    private String base;

    private String longToken;
    private String shortToken;
    private String restartedToken;

    @BeforeAll
    void start() {
        database = EmbeddedDatabase.start(0, null);
        keycloak = KeycloakLauncher.start(
                slowStart(KeycloakLauncher.Settings.defaults().withFreePorts()));
        keycloakSettings = slowStart(KeycloakLauncher.Settings.defaults().withPorts(keycloak.port(), freePort()));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", "0");
        p.put("spring.datasource.url", database.jdbcUrl());
        p.put("spring.datasource.username", EmbeddedDatabase.APP);
        p.put("spring.datasource.password", EmbeddedDatabase.APP_PASSWORD);
        p.put("spring.flyway.url", database.jdbcUrl());
        p.put("spring.flyway.user", EmbeddedDatabase.OWNER);
        p.put("spring.flyway.password", EmbeddedDatabase.OWNER_PASSWORD);
        p.put("deelpoort.security.issuer", keycloak.issuer());
        p.put("deelpoort.security.jwks.cache-ttl", JWKS_TTL.toSeconds() + "s");
        p.put("deelpoort.security.jwks.min-refresh-interval", JWKS_MIN_INTERVAL.toSeconds() + "s");
        p.put("deelpoort.security.verified-token-ttl", VERIFIED_TTL.toSeconds() + "s");
        p.put("deelpoort.keycloak-admin.client-secret", "deelpoort-gateway-secret");
        p.put("deelpoort.console.client-secret", "deelpoort-console-secret");
        p.put("deelpoort.casefiles.default-base-url", "http://127.0.0.1:1");
        // As command-line arguments: they outrank application.yml (default properties would not).
        gateway = new SpringApplicationBuilder(DeelpoortGateway.class)
                .profiles("dev")
                .run(p.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        base = "http://localhost:"
                + ((WebServerApplicationContext) gateway).getWebServer().getPort();
    }

    @AfterAll
    void stop() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (database != null) {
            database.close();
        }
        StringBuilder out = new StringBuilder("figure\tvalue\n");
        figures.forEach((k, v) -> out.append(k).append('\t').append(v).append('\n'));
        Path path = Path.of("target", "reliability", "keycloak-outage.tsv");
        Files.createDirectories(path.getParent());
        Files.writeString(path, out);
    }

    @Test
    @Order(1)
    void keycloakUpTokensAreAccepted() {
        setLifespan(LONG_LIFESPAN_S);
        longToken = tokens().user(USER);
        setLifespan(SHORT_LIFESPAN_S);
        shortToken = tokens().user(USER);
        assertThat(me(longToken)).isEqualTo(200);
        assertThat(me(shortToken)).isEqualTo(200);
        figures.put("up: long / short token", "200 / 200");
    }

    @Test
    @Order(2)
    void keycloakStoppedIssuedTokensWorkUntilTheyExpireAndNoLoginSucceeds() throws Exception {
        keycloak.close();
        Instant stopped = Instant.now();

        assertThat(me(longToken)).as("an issued token, keys cached").isEqualTo(200);
        assertThatThrownBy(() -> tokens().user(USER))
                .as("no new token while Keycloak is down")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unreachable");

        // A token naming a key the gateway does not know: the gateway tries the realm, cannot
        // reach it, and refuses; the keys it has stay.
        int unknownKid = me(signedByUnknownKey(longToken));
        assertThat(unknownKid).as("unknown key while Keycloak is down").isEqualTo(401);
        assertThat(me(longToken)).as("the known keys survive a failed refetch").isEqualTo(200);

        // The console's login: the gateway sends the browser to Keycloak (it needs Keycloak for
        // nothing yet); the way back, with a code it cannot redeem, ends on the "failed" page.
        HttpResponse<String> login = get("/console/oauth2/authorization/deelpoort-console", null);
        assertThat(login.statusCode()).isEqualTo(302);
        String location = login.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth");
        String session = cookie(login, SESSION_COOKIE);
        Matcher state = STATE.matcher(location);
        assertThat(state.find()).isTrue();
        HttpResponse<String> back = get(
                "/console/login/oauth2/code/deelpoort-console?code=" + UUID.randomUUID() + "&state=" + state.group(1),
                session);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/console?failed");
        figures.put(
                "down: long token / unknown key / console login / return with code",
                "200 / " + unknownKid + " / 302 to Keycloak / " + back.statusCode() + " to /console?failed");

        Instant expires = SignedJWT.parse(shortToken)
                .getJWTClaimsSet()
                .getExpirationTime()
                .toInstant();
        int status;
        Instant refused;
        do {
            status = me(shortToken);
            refused = Instant.now();
            if (status == 200) {
                assertThat(refused)
                        .as("accepted past its expiry and the skew")
                        .isBefore(expires.plus(CLOCK_SKEW).plusSeconds(5));
                Thread.sleep(500);
            }
        } while (status == 200);
        assertThat(status).isEqualTo(401);
        assertThat(refused).as("refused only after it expired").isAfter(expires);
        figures.put(
                "down: short token accepted until (s after exp; skew " + CLOCK_SKEW.toSeconds() + " s)",
                Long.toString(Duration.between(expires, refused).toSeconds()));
        assertThat(me(longToken))
                .as("the long token, %s into the outage", Duration.between(stopped, Instant.now()))
                .isEqualTo(200);
        figures.put(
                "down: outage length before restart (s)",
                Long.toString(Duration.between(stopped, Instant.now()).toSeconds()));
    }

    @Test
    @Order(3)
    void keycloakRestartedWithANewKeyNewTokensAreAcceptedAndTheOldKeysTokensNoMore() throws Exception {
        long t0 = System.nanoTime();
        keycloak = KeycloakLauncher.start(keycloakSettings);
        figures.put("restart: Keycloak start (s)", Long.toString((System.nanoTime() - t0) / 1_000_000_000));
        restartedToken = tokens().user(USER);
        assertThat(kid(restartedToken)).as("a new signing key").isNotEqualTo(kid(longToken));
        long delay = acceptedAfter(restartedToken);
        figures.put("restart: new key's token accepted after (ms)", Long.toString(delay));
        assertThat(delay).isLessThanOrEqualTo(JWKS_MIN_INTERVAL.plusSeconds(5).toMillis());
        int old = me(longToken);
        figures.put("restart: unexpired token of the removed key", Integer.toString(old));
        assertThat(old).as("its key is no longer published").isEqualTo(401);
    }

    @Test
    @Order(4)
    void rotatedWithTheOldKeyPassiveBothAreAcceptedUntilTheOldKeyIsDisabled() throws Exception {
        try (Keycloak admin = admin()) {
            RealmResource realm = admin.realm(KeycloakLauncher.REALM);
            ComponentRepresentation old =
                    realm.components().query(realm.toRepresentation().getId(), "org.keycloak.keys.KeyProvider").stream()
                            .filter(c -> "rsa-generated".equals(c.getProviderId()))
                            .findFirst()
                            .orElseThrow();
            ComponentRepresentation rotated = new ComponentRepresentation();
            rotated.setName("rsa-rotated");
            rotated.setProviderId("rsa-generated");
            rotated.setProviderType("org.keycloak.keys.KeyProvider");
            rotated.setParentId(realm.toRepresentation().getId());
            MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
            config.put("priority", List.of("200"));
            config.put("enabled", List.of("true"));
            config.put("active", List.of("true"));
            config.put("algorithm", List.of("RS256"));
            config.put("keySize", List.of("2048"));
            rotated.setConfig(config);
            try (var created = realm.components().add(rotated)) {
                assertThat(created.getStatus()).isEqualTo(201);
            }
            old.getConfig().put("active", List.of("false"));
            realm.components().component(old.getId()).update(old);

            String newToken = tokens().user(USER);
            assertThat(kid(newToken)).isNotEqualTo(kid(restartedToken));
            long delay = acceptedAfter(newToken);
            figures.put("rotation: new key's token accepted after (ms)", Long.toString(delay));
            assertThat(delay)
                    .isLessThanOrEqualTo(JWKS_MIN_INTERVAL.plusSeconds(5).toMillis());
            int passive = me(restartedToken);
            figures.put("rotation: token of the passive old key", Integer.toString(passive));
            assertThat(passive).as("the passive key is still published").isEqualTo(200);

            old.getConfig().put("enabled", List.of("false"));
            realm.components().component(old.getId()).update(old);
            long disabled = System.nanoTime();
            long deadline = disabled
                    + JWKS_TTL.plus(JWKS_MIN_INTERVAL)
                            .plus(VERIFIED_TTL)
                            .plusSeconds(10)
                            .toNanos();
            int status;
            do {
                status = me(restartedToken);
                if (status == 200) {
                    assertThat(System.nanoTime())
                            .as("still trusted after the cache time")
                            .isLessThan(deadline);
                    Thread.sleep(500);
                }
            } while (status == 200);
            assertThat(status).isEqualTo(401);
            figures.put(
                    "rotation: disabled key's token refused after (s; cache ttl " + JWKS_TTL.toSeconds() + " s)",
                    Long.toString((System.nanoTime() - disabled) / 1_000_000_000));
            assertThat(me(newToken)).isEqualTo(200);
        }
    }

    /** Calls with the token until it is accepted; the time that took. */
    private long acceptedAfter(String token) throws InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + Duration.ofSeconds(60).toNanos();
        while (me(token) != 200) {
            assertThat(System.nanoTime()).as("new token accepted within 60 s").isLessThan(deadline);
            Thread.sleep(250);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private int me(String token) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + ME))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .GET());
        assertThat(r.statusCode()).as("no 5xx: %s", r.body()).isLessThan(500);
        return r.statusCode();
    }

    private HttpResponse<String> get(String path, String session) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (session != null) {
            b.header("Cookie", SESSION_COOKIE + "=" + session);
        }
        HttpResponse<String> r = send(b.GET());
        assertThat(r.statusCode()).as("no 5xx: %s", r.body()).isLessThan(500);
        return r;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String cookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1).split(";", 2)[0])
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie"));
    }

    /** The claims of {@code token}, signed by a key of nobody's, under a key id nobody publishes. */
    private static String signedByUnknownKey(String token) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .keyID("unknown-" + UUID.randomUUID())
                        .build(),
                SignedJWT.parse(token).getJWTClaimsSet());
        jwt.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));
        return jwt.serialize();
    }

    private static String kid(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    private Tokens tokens() {
        return new Tokens(keycloak.tokenEndpoint());
    }

    private Keycloak admin() {
        return KeycloakBuilder.builder()
                .serverUrl(keycloak.baseUrl())
                .realm("master")
                .clientId("admin-cli")
                .username(KeycloakLauncher.DEV_ADMIN_USER)
                .password(KeycloakLauncher.DEV_ADMIN_PASSWORD)
                .build();
    }

    private void setLifespan(int seconds) {
        try (Keycloak admin = admin()) {
            RealmResource realm = admin.realm(KeycloakLauncher.REALM);
            RealmRepresentation rep = realm.toRepresentation();
            rep.setAccessTokenLifespan(seconds);
            realm.update(rep);
        }
    }

    /** The machine is shared and loaded: Keycloak gets 10 minutes to start. */
    private static KeycloakLauncher.Settings slowStart(KeycloakLauncher.Settings s) {
        return new KeycloakLauncher.Settings(
                s.version(),
                s.httpPort(),
                s.managementPort(),
                s.cacheDir(),
                Duration.ofMinutes(10),
                s.realmResource(),
                s.environment());
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
