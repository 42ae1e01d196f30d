package nl.deelpoort.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.cors.CorsConfiguration;

class CorsSettingsTest {

    private static final MockHttpServletRequest API_CALL = new MockHttpServletRequest("GET", "/api/v1/me");

    @Test
    void noOriginsByDefaultMeansNoCorsPolicyAtAll() {
        CorsSettings none = new CorsSettings(null, null);
        assertThat(none.allowedOrigins()).isEmpty();
        assertThat(none.source().getCorsConfiguration(API_CALL)).isNull();
    }

    @Test
    void namedOriginsMayCallTheApiWithTheContractsMethodsAndHeadersButNoCredentials() {
        CorsConfiguration cors = new CorsSettings(List.of(URI.create("https://app.example.nl:8443")), null)
                .source()
                .getCorsConfiguration(API_CALL);
        assertThat(cors.getAllowedOrigins()).containsExactly("https://app.example.nl:8443");
        assertThat(cors.getAllowedMethods()).containsExactly("GET", "POST");
        assertThat(cors.getExposedHeaders()).contains("API-Version", "X-Disclosure-Id", "traceparent");
        assertThat(cors.getAllowCredentials()).isFalse();
        assertThat(cors.getMaxAge()).isEqualTo(Duration.ofMinutes(30).toSeconds());
        assertThat(new CorsSettings(List.of(URI.create("https://app.example.nl")), null)
                        .source()
                        .getCorsConfiguration(new MockHttpServletRequest("GET", "/console")))
                .isNull();
    }

    @Test
    void anOriginMustBeNamedExactly() {
        for (String notAnOrigin : List.of(
                "*",
                "https://*.example.nl",
                "https://app.example.nl/path",
                "app.example.nl",
                "ftp://app.example.nl",
                "https://user@app.example.nl")) {
            assertThatThrownBy(() -> new CorsSettings(List.of(URI.create(notAnOrigin)), null))
                    .as(notAnOrigin)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("deelpoort.cors.allowed-origins");
        }
        assertThatThrownBy(() -> new CorsSettings(List.of(), Duration.ofSeconds(-1)))
                .hasMessageContaining("max-age");
    }
}
