package nl.deelpoort.gateway.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.deelpoort.gateway.DeelpoortGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The real application, started without the dev profile and without keys, refuses to start before
 * it touches the database or Keycloak (none is running here), names every missing setting in the
 * start-up report and writes no key file.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartTest {

    @Test
    void withoutDevProfileAndWithoutKeysTheGatewayRefusesToStart(@TempDir Path dir, CapturedOutput output)
            throws Exception {
        SpringApplicationBuilder gateway = new SpringApplicationBuilder(DeelpoortGateway.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "deelpoort.log.data-dir=" + dir.resolve("log-keys"),
                        "deelpoort.exchange.data-dir=" + dir.resolve("exchange-keys"),
                        "spring.datasource.url=jdbc:postgresql://localhost:1/none",
                        "deelpoort.keycloak-admin.check-realm-at-start=false");
        assertThatThrownBy(() -> gateway.run())
                .isInstanceOf(MissingKeysException.class)
                .hasMessageContaining("DEELPOORT_LOG_SIGNING_KEY_FILE")
                .hasMessageContaining("DEELPOORT_LOG_PSEUDONYM_KEY")
                .hasMessageContaining("DEELPOORT_EXCHANGE_KEYS_<ID>")
                .hasMessageContaining("DEELPOORT_EXCHANGE_ACTIVE_KEY");
        assertThat(output.getOut() + output.getErr())
                .as("Spring Boot's start-up failure report, from MissingKeysFailureAnalyzer")
                .contains("APPLICATION FAILED TO START")
                .contains("deelpoort.log.signing-key-file (environment DEELPOORT_LOG_SIGNING_KEY_FILE)")
                .contains("SPRING_PROFILES_ACTIVE=dev");
        try (var listing = Files.list(dir)) {
            assertThat(listing).as("no key generated").isEmpty();
        }
    }
}
