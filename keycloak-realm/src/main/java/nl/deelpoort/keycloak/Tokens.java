package nl.deelpoort.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Fetches real access tokens from the realm's token endpoint (tests and the local stack's smoke check). */
public final class Tokens {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final String tokenEndpoint;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Tokens(String tokenEndpoint) {
        this.tokenEndpoint = tokenEndpoint;
    }

    /** Password grant through the public dev client. */
    public String password(String username, String password) {
        return passwordFor(DemoRealm.CLI_CLIENT, username, password);
    }

    /** Password grant through any public client that allows it (tests use others to get wrong audiences). */
    public String passwordFor(String clientId, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", username);
        form.put("password", password);
        return request(form);
    }

    /** A demo user's token (password {@code demo}). */
    public String user(String username) {
        return password(username, DemoRealm.DEMO_PASSWORD);
    }

    /** Client-credentials grant of an organisation's partner system. */
    public String system(String organisation) {
        return clientCredentials(DemoRealm.systemClientId(organisation), DemoRealm.systemClientSecret(organisation));
    }

    /** Client-credentials grant of any confidential client, e.g. one onboarded at run time. */
    public String clientCredentials(String clientId, String clientSecret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        return request(form);
    }

    private String request(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException(
                        "Token request failed: HTTP " + response.statusCode() + " " + response.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Token endpoint unreachable: " + tokenEndpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
