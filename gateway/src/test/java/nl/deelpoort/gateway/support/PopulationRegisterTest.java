package nl.deelpoort.gateway.support;

import nl.deelpoort.keycloak.DemoRealm;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the {@code *IT}s where the population register check is the point: the gateway consults the register stub
 * as a deployment does (fail closed when it cannot be asked), with the stub's API key and an OAuth2 client-credentials
 * token from the real Keycloak. Its subclasses share one Spring context, beside the one of {@link IntegrationTest}.
 */
public abstract class PopulationRegisterTest extends IntegrationTest {

    @DynamicPropertySource
    static void populationRegister(DynamicPropertyRegistry registry) {
        TestServices.get().populationRegisterProperties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add(
                "deelpoort.population.oauth2.token-uri",
                () -> TestServices.get().keycloak().tokenEndpoint());
        registry.add("deelpoort.population.oauth2.client-id", () -> DemoRealm.systemClientId("plusteam"));
        registry.add("deelpoort.population.oauth2.client-secret", () -> DemoRealm.systemClientSecret("plusteam"));
    }
}
