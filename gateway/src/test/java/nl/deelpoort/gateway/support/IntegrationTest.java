package nl.deelpoort.gateway.support;

import nl.deelpoort.gateway.startup.DevProfile;
import nl.deelpoort.keycloak.Tokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every {@code *IT}: the whole gateway on a random port, against the real PostgreSQL and
 * the real Keycloak with the project's realm. All subclasses share one Spring context. The dev profile
 * is active, as in the local stack: keys are generated, not configured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(DevProfile.NAME)
public abstract class IntegrationTest {

    /**
     * A browser front end on another origin that the tests' gateway allows (deelpoort.cors), so that
     * CorsIT sees the policy at work; no other test sends an Origin header.
     */
    protected static final String ALLOWED_ORIGIN = "https://zorgportaal.example.nl";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void realServices(DynamicPropertyRegistry registry) {
        TestServices.get().gatewayProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("deelpoort.cors.allowed-origins", () -> ALLOWED_ORIGIN);
    }

    protected Api api() {
        return new Api("http://localhost:" + port);
    }

    protected static Tokens tokens() {
        return TestServices.get().tokens();
    }
}
