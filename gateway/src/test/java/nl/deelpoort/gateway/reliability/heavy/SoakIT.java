package nl.deelpoort.gateway.reliability.heavy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The soak as a test ({@code ./mvnw -pl gateway verify -Preliability -Dit.test=SoakIT
 * -Dsoak.minutes=10}): {@link SoakBenchmark} with its own PostgreSQL, Keycloak, stubs and the gateway
 * as a child JVM, for {@code soak.minutes} (default 10) of mixed load with {@code soak.clients}
 * (default 16) clients. It asserts what the soak is for: under sustained load hardly anything fails,
 * the gateway's memory does not grow, every answer that carried data is in the log, and the log
 * verifies afterwards.
 */
class SoakIT {

    @Test
    void tenMinutesOfMixedLoadLoseNothingAndDoNotGrow() throws Exception {
        SoakBenchmark.Settings settings = SoakBenchmark.Settings.of(Map.of(
                "minutes", System.getProperty("soak.minutes", "10"),
                "clients", System.getProperty("soak.clients", "16"),
                "baseline", System.getProperty("soak.baseline", "30")));
        SoakBenchmark.Report r = SoakBenchmark.run(settings, System.out);

        assertThat(r.requests()).as("requests in the mixed phase").isGreaterThan(100);
        assertThat(r.errorRate())
                .as("error rate (%d of %d; first: %s)", r.errors(), r.requests(), r.firstErrors())
                .isLessThan(0.001);
        assertThat(r.intervals()).as("memory samples").hasSizeGreaterThanOrEqualTo(4);
        assertThat(r.intervals()).allSatisfy(i -> assertThat(i.rssMb()).isPositive());
        assertThat(r.rssGrowthLastHalf())
                .as("the gateway's RSS growth over the last half of the soak")
                .isLessThan(0.10);
        assertThat(r.dataAnswers()).as("data-bearing answers").isGreaterThan(0);
        assertThat(r.dataAnswersMissingFromLog())
                .as("data-bearing answers without their log entry")
                .isZero();
        assertThat(r.integrityStatus()).as("the log verifies at the end").isEqualTo("OK");
        assertThat(r.integrityTreeSize()).isGreaterThanOrEqualTo(r.dataAnswers());
    }
}
