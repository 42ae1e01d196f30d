package nl.deelpoort.gateway.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class RequiredKeysTest {

    private static final Map<String, Object> ALL_KEYS = Map.of(
            "deelpoort.log.signing-key-file", "/run/secrets/log-signing.key",
            "deelpoort.log.pseudonym-key", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "deelpoort.exchange.keys.k2026", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "deelpoort.exchange.active-key", "k2026");

    private static StandardEnvironment environment(Map<String, Object> properties, String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        environment.setActiveProfiles(profiles);
        return environment;
    }

    @Test
    void withoutTheDevProfileEveryMissingKeyIsNamedWithItsEnvironmentVariable() {
        assertThatThrownBy(() -> RequiredKeys.check(environment(Map.of())))
                .isInstanceOf(MissingKeysException.class)
                .hasMessageContaining("deelpoort.log.signing-key-file (environment DEELPOORT_LOG_SIGNING_KEY_FILE)")
                .hasMessageContaining("deelpoort.log.pseudonym-key (environment DEELPOORT_LOG_PSEUDONYM_KEY)")
                .hasMessageContaining("deelpoort.exchange.keys.<id> (environment DEELPOORT_EXCHANGE_KEYS_<ID>)")
                .hasMessageContaining("deelpoort.exchange.active-key (environment DEELPOORT_EXCHANGE_ACTIVE_KEY)");
    }

    @Test
    void withoutTheDevProfileOnlyTheMissingOnesAreNamed() {
        Map<String, Object> some = new java.util.HashMap<>(ALL_KEYS);
        some.remove("deelpoort.log.pseudonym-key");
        some.put("deelpoort.exchange.active-key", " ");
        assertThatThrownBy(() -> RequiredKeys.check(environment(some)))
                .isInstanceOfSatisfying(
                        MissingKeysException.class,
                        e -> assertThat(e.missing())
                                .containsExactly(RequiredKeys.PSEUDONYM_KEY, RequiredKeys.ACTIVE_TRANSFER_KEY));
    }

    @Test
    void withoutTheDevProfileConfiguredKeysPass() {
        assertThatNoException().isThrownBy(() -> RequiredKeys.check(environment(ALL_KEYS)));
    }

    @Test
    void theDevProfileNeedsNoKeys() {
        assertThatNoException().isThrownBy(() -> RequiredKeys.check(environment(Map.of(), "dev")));
        assertThatNoException().isThrownBy(() -> RequiredKeys.check(environment(Map.of(), "other", "dev")));
        assertThatThrownBy(() -> RequiredKeys.check(environment(Map.of(), "prod")))
                .isInstanceOf(MissingKeysException.class);
    }

    @Test
    void theFailureReportTellsHowToFixIt() {
        MissingKeysException missing = new MissingKeysException(RequiredKeys.SIGNING_KEY);
        FailureAnalysis analysis = new MissingKeysFailureAnalyzer().analyze(missing);
        assertThat(analysis.getDescription()).contains("DEELPOORT_LOG_SIGNING_KEY_FILE");
        assertThat(analysis.getAction()).contains("SPRING_PROFILES_ACTIVE=dev").contains("docs/settings.md");
    }
}
