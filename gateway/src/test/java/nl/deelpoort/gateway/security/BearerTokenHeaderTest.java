package nl.deelpoort.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The header resolver answers every Authorization header exactly as Spring's default resolver does. */
class BearerTokenHeaderTest {

    private final BearerTokenHeader resolver = new BearerTokenHeader();
    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Test
    void aWellFormedHeaderIsAnsweredWithoutTheFallback() {
        assertThat(BearerTokenHeader.wellFormed("Bearer eyJh.bG9n-_~+/x==")).isEqualTo("eyJh.bG9n-_~+/x==");
        assertThat(BearerTokenHeader.wellFormed("bEARER abc")).isEqualTo("abc");
        assertThat(BearerTokenHeader.wellFormed("Bearer abc\n")).isNull();
        assertThat(BearerTokenHeader.wellFormed("Bearer ==")).isNull();
        assertThat(BearerTokenHeader.wellFormed("Bearer a=b")).isNull();
        assertThat(BearerTokenHeader.wellFormed("Bearer ")).isNull();
        assertThat(BearerTokenHeader.wellFormed("Basic abc")).isNull();
        assertThat(BearerTokenHeader.wellFormed(null)).isNull();
    }

    @Test
    void agreesWithSpringsResolverOnChosenHeaders() {
        List<String> headers = List.of(
                "Bearer abc",
                "bearer abc",
                "BEARER abc==",
                "Bearer a.b.c",
                "Bearer abc\n",
                "Bearer abc\r\n",
                "Bearer  abc",
                "Bearer abc ",
                "Bearer",
                "Bearer ",
                "Bearerabc",
                "Bearer ab=c",
                "Bearer ==",
                "Bearer é",
                "Basic dXNlcjpwYXNz",
                "",
                "Bearer a,b");
        for (String header : headers) {
            assertThat(outcome(resolver, header)).as(header).isEqualTo(outcome(spring, header));
        }
        assertThat(outcome(resolver, null)).isEqualTo(outcome(spring, null));
    }

    @Test
    void agreesWithSpringsResolverOnRandomHeaders() {
        Random random = new Random(20261201);
        String alphabet = "aZ09-._~+/= \t\r\n,é\"";
        List<String> prefixes = List.of("Bearer ", "bearer ", "BEARER", "Bearer  ", "Basic ", "", "Bear ");
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder header = new StringBuilder(prefixes.get(random.nextInt(prefixes.size())));
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                // mostly token characters, so that many headers are well formed
                header.append(
                        random.nextInt(4) == 0
                                ? alphabet.charAt(random.nextInt(alphabet.length()))
                                : alphabet.charAt(random.nextInt(10)));
            }
            String h = header.toString();
            if (!outcome(resolver, h).equals(outcome(spring, h))) {
                disagreements.add(h);
            }
        }
        assertThat(disagreements).isEmpty();
    }

    private static String outcome(
            org.springframework.security.oauth2.server.resource.web.BearerTokenResolver r, String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/x");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        try {
            return "token " + r.resolve(request);
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
