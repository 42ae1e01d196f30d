package nl.deelpoort.gateway.filesystem;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import nl.deelpoort.policy.OrganisationId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How the gateway proves itself to one holder's file system: the value of the Authorization header. */
sealed interface Credentials {

    /** The header value, or empty for none; throws {@link CaseFileException} when none can be had. */
    Optional<String> authorization();

    static Credentials of(
            OrganisationId holder, CaseFileSettings.Auth auth, HttpClient http, Duration timeout, Clock clock) {
        if (auth == null || auth.type() == null || auth.type() == CaseFileSettings.AuthType.NONE) {
            return new None();
        }
        String prefix = "deelpoort.casefiles.holders." + holder.value() + ".auth.";
        return switch (auth.type()) {
            case NONE -> new None();
            case STATIC_TOKEN -> {
                if (auth.token() == null || auth.token().isBlank()) {
                    throw new IllegalArgumentException(prefix + "token is required for STATIC_TOKEN");
                }
                yield new StaticToken(auth.token().strip());
            }
            case CLIENT_CREDENTIALS -> {
                if (auth.tokenUri() == null || auth.clientId() == null || auth.clientSecret() == null) {
                    throw new IllegalArgumentException(
                            prefix + "token-uri, client-id and client-secret are required for CLIENT_CREDENTIALS");
                }
                yield new ClientCredentials(holder, auth, http, timeout, clock);
            }
        };
    }

    record None() implements Credentials {
        @Override
        public Optional<String> authorization() {
            return Optional.empty();
        }
    }

    record StaticToken(String token) implements Credentials {
        @Override
        public Optional<String> authorization() {
            return Optional.of("Bearer " + token);
        }

        @Override
        public String toString() {
            return "StaticToken[***]";
        }
    }

    /**
     * OAuth2 client credentials (RFC 6749 §4.4), client authenticated with HTTP Basic. The token is
     * reused until {@link #EARLY_REFRESH} before it expires; concurrent callers share one refresh.
     */
    final class ClientCredentials implements Credentials {

        static final Duration EARLY_REFRESH = Duration.ofSeconds(30);
        private static final JsonMapper JSON = JsonMapper.builder().build();

        private final OrganisationId holder;
        private final CaseFileSettings.Auth auth;
        private final HttpClient http;
        private final Duration timeout;
        private final Clock clock;
        private String token;
        private Instant refreshAt = Instant.MIN;

        ClientCredentials(
                OrganisationId holder, CaseFileSettings.Auth auth, HttpClient http, Duration timeout, Clock clock) {
            this.holder = holder;
            this.auth = auth;
            this.http = http;
            this.timeout = timeout;
            this.clock = clock;
        }

        @Override
        public synchronized Optional<String> authorization() {
            if (token == null || !clock.instant().isBefore(refreshAt)) {
                fetch();
            }
            return Optional.of("Bearer " + token);
        }

        private void fetch() {
            String form = "grant_type=client_credentials"
                    + (auth.scope() == null || auth.scope().isBlank() ? "" : "&scope=" + encode(auth.scope()));
            String basic = Base64.getEncoder()
                    .encodeToString((encode(auth.clientId()) + ":" + encode(auth.clientSecret()))
                            .getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(auth.tokenUri())
                    .timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Basic " + basic)
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw failed("the token endpoint could not be reached", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed("interrupted while asking for a token", e);
            }
            if (response.statusCode() != 200) {
                throw failed("the token endpoint answered " + response.statusCode(), null);
            }
            try {
                JsonNode body = JSON.readTree(response.body());
                String accessToken = body.path("access_token").asString("");
                if (accessToken.isBlank()) {
                    throw failed("the token endpoint answered without access_token", null);
                }
                long expiresIn = body.path("expires_in").asLong(60);
                token = accessToken;
                refreshAt = clock.instant().plusSeconds(expiresIn).minus(EARLY_REFRESH);
            } catch (tools.jackson.core.JacksonException e) {
                throw failed("the token endpoint answered something other than JSON", e);
            }
        }

        private CaseFileException failed(String what, Throwable cause) {
            return new CaseFileException(
                    holder,
                    CaseFileException.Failure.AUTHENTICATION,
                    "No token for the case file system of " + holder + ": " + what + ".",
                    cause);
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "ClientCredentials[" + auth.clientId() + " at " + auth.tokenUri() + "]";
        }
    }
}
