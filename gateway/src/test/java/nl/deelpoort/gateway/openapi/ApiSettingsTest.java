package nl.deelpoort.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ApiSettingsTest {

    private static final ApiSettings.Contact CONTACT =
            new ApiSettings.Contact("Servicedesk", "api@gemeente.example.nl", URI.create("https://example.nl"));

    @Test
    void theVersionIsSemanticWithTheMajorOfThePaths() {
        assertThat(new ApiSettings("1.2.3", CONTACT).version()).isEqualTo("1.2.3");
        assertThat(new ApiSettings("1.0.0-rc.1+build.5", CONTACT).version()).isEqualTo("1.0.0-rc.1+build.5");
        for (String wrong : new String[] {"1.0", "v1.0.0", "01.0.0", "1.0.0-", ""}) {
            assertThatThrownBy(() -> new ApiSettings(wrong, CONTACT))
                    .as(wrong)
                    .hasMessageContaining("semantic version");
        }
        assertThatThrownBy(() -> new ApiSettings("2.0.0", CONTACT)).hasMessageContaining("/api/v1");
    }

    @Test
    void theContactIsComplete() {
        assertThatThrownBy(() -> new ApiSettings("1.0.0", null)).hasMessageContaining("contact");
        assertThatThrownBy(() -> new ApiSettings(
                        "1.0.0", new ApiSettings.Contact(" ", "api@example.nl", URI.create("https://example.nl"))))
                .hasMessageContaining("contact");
    }
}
