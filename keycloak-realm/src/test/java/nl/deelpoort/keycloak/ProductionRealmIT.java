package nl.deelpoort.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Boots the real Keycloak with the production realm (not the dev overlay) and checks what it
 * enforces: secrets come from the environment, the password grant is refused, and a privacy
 * officer's or gateway administrator's browser login demands OTP set-up after the password while a
 * professional's does not.
 *
 * <p>Keycloak runs from its own cache folder: the import folder of the shared one belongs to the dev
 * realm that other test runs import.
 */
class ProductionRealmIT {

    private static final String GATEWAY_SECRET = "it-" + random();
    private static final String CONSOLE_SECRET = "it-" + random();
    private static final String CONSOLE_BASE_URL = "https://console.example.test";
    private static final String PASSWORD = "Correct-Horse-" + random();
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    private static KeycloakLauncher keycloak;
    private static Tokens tokens;
    private static final HttpClient ADMIN = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void start() {
        var settings = KeycloakLauncher.Settings.defaults()
                .withFreePorts()
                .withRealm(
                        RealmOverlay.PRODUCTION,
                        Map.of(
                                "DEELPOORT_KEYCLOAK_ADMIN_CLIENT_SECRET", GATEWAY_SECRET,
                                "DEELPOORT_CONSOLE_CLIENT_SECRET", CONSOLE_SECRET,
                                "DEELPOORT_CONSOLE_BASE_URL", CONSOLE_BASE_URL));
        settings = new KeycloakLauncher.Settings(
                settings.version(),
                settings.httpPort(),
                settings.managementPort(),
                KeycloakLauncher.defaultCacheDir().resolve("production-realm"),
                Duration.ofMinutes(10),
                settings.realmResource(),
                settings.environment());
        keycloak = KeycloakLauncher.start(settings);
        tokens = new Tokens(keycloak.tokenEndpoint());
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void clientSecretsAreTheOnesFromTheEnvironment() {
        assertThat(tokens.clientCredentials(DemoRealm.AUDIENCE, GATEWAY_SECRET)).isNotBlank();
        assertThatThrownBy(() -> tokens.clientCredentials(DemoRealm.AUDIENCE, "deelpoort-gateway-secret"))
                .hasMessageContaining("unauthorized_client");
        assertThatThrownBy(
                        () -> tokens.clientCredentials(DemoRealm.AUDIENCE, "${DEELPOORT_KEYCLOAK_ADMIN_CLIENT_SECRET}"))
                .hasMessageContaining("unauthorized_client");
    }

    @Test
    void thereAreNoDemoUsersNorThePasswordGrantClient() {
        assertThatThrownBy(() -> tokens.user("anna.plusteam")).hasMessageContaining("invalid_client");
    }

    @Test
    void passwordGrantIsRefusedEvenForAConfidentialClientWithItsSecret() throws Exception {
        createUser("olga.prof", "professional");
        String body = form(Map.of(
                "grant_type", "password",
                "client_id", "deelpoort-console",
                "client_secret", CONSOLE_SECRET,
                "username", "olga.prof",
                "password", PASSWORD));
        HttpResponse<String> response = ADMIN.send(
                HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("unauthorized_client").doesNotContain("access_token");
    }

    @Test
    void privacyOfficerMustSetUpOtpAfterThePassword() throws Exception {
        createUser("piet.fg", "privacy-officer");
        HttpResponse<String> page = loginAfterPassword("piet.fg");
        assertThat(page.statusCode()).as("no redirect back to the console").isEqualTo(200);
        assertThat(page.body()).contains("kc-totp-settings-form").contains("name=\"totp\"");
    }

    @Test
    void gatewayAdministratorMustSetUpOtpAfterThePassword() throws Exception {
        createUser("bea.beheer", "gateway-admin");
        HttpResponse<String> page = loginAfterPassword("bea.beheer");
        assertThat(page.statusCode()).as("no redirect back to the console").isEqualTo(200);
        assertThat(page.body()).contains("kc-totp-settings-form").contains("name=\"totp\"");
    }

    @Test
    void professionalIsLoggedInWithoutOtp() throws Exception {
        createUser("rik.prof", "professional");
        HttpResponse<String> response = loginAfterPassword("rik.prof");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .startsWith(CONSOLE_BASE_URL + "/login/oauth2/code/keycloak")
                .contains("code=");
    }

    /** Opens the console's authorization request, posts the password and returns Keycloak's answer. */
    private static HttpResponse<String> loginAfterPassword(String username) throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        // A plain cookie jar: Keycloak marks its login cookies Secure, which java.net.CookieManager
        // would then withhold over http://localhost (browsers treat localhost as a secure context).
        Map<String, String> jar = new LinkedHashMap<>();
        String verifier = random() + random();
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = keycloak.issuer() + "/protocol/openid-connect/auth?"
                + form(Map.of(
                        "client_id", "deelpoort-console",
                        "response_type", "code",
                        "scope", "openid",
                        "redirect_uri", CONSOLE_BASE_URL + "/login/oauth2/code/keycloak",
                        "state", random(),
                        "code_challenge", challenge,
                        "code_challenge_method", "S256"));
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString());
        keep(jar, login);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        Matcher action = FORM_ACTION.matcher(login.body());
        assertThat(action.find()).as("login form in %s", login.body()).isTrue();
        HttpResponse<String> answer = browser.send(
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookies(jar))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", username, "password", PASSWORD, "credentialId", ""))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // Keycloak's own redirects (e.g. to a required action) are followed, as a browser would;
        // the redirect back to the console is returned.
        for (int hops = 0; hops < 5 && answer.statusCode() == 302; hops++) {
            keep(jar, answer);
            URI next = URI.create(authorize)
                    .resolve(answer.headers().firstValue("Location").orElseThrow());
            if (!next.toString().startsWith(keycloak.baseUrl())) {
                break;
            }
            answer = browser.send(
                    HttpRequest.newBuilder(next).header("Cookie", cookies(jar)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        return answer;
    }

    private static void keep(Map<String, String> jar, HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
    }

    private static String cookies(Map<String, String> jar) {
        return jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    /** Creates a user with a password and one realm role, as the gateway's service account (manage-users). */
    private static void createUser(String username, String role) throws Exception {
        String admin = keycloak.baseUrl() + "/admin/realms/" + KeycloakLauncher.REALM;
        String token = tokens.clientCredentials(DemoRealm.AUDIENCE, GATEWAY_SECRET);
        String user = """
                {"username": "%s", "enabled": true, "email": "%s@example.test", "emailVerified": true,
                 "firstName": "Test", "lastName": "User",
                 "credentials": [{"type": "password", "value": "%s", "temporary": false}]}""".formatted(username, username, PASSWORD);
        HttpResponse<String> created = send(token, "POST", admin + "/users", user);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> roleRep = send(token, "GET", admin + "/roles/" + role, null);
        assertThat(roleRep.statusCode()).as(roleRep.body()).isEqualTo(200);
        JsonNode roleJson = JSON.readTree(roleRep.body());
        HttpResponse<String> mapped =
                send(token, "POST", location + "/role-mappings/realm", "[" + roleJson.toString() + "]");
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(204);
    }

    private static HttpResponse<String> send(String token, String method, String url, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return ADMIN.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields)
                .entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    private static String random() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
