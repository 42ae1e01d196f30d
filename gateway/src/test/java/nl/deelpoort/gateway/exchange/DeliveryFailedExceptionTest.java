package nl.deelpoort.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import nl.deelpoort.gateway.filesystem.CaseFileException.Failure;
import nl.deelpoort.gateway.filesystem.CaseFileFailures;
import nl.deelpoort.policy.OrganisationId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;

class DeliveryFailedExceptionTest {

    private static final OrganisationId HOLDER = OrganisationId.of("plusteam");

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "TIMEOUT, 504, case-file-system-timeout",
        "BUSY, 503, service-unavailable",
        "UNREACHABLE, 502, case-file-system-failed",
        "ERROR_STATUS, 502, case-file-system-failed",
        "BAD_ANSWER, 502, case-file-system-failed",
        "AUTHENTICATION, 502, case-file-system-failed",
        "CIRCUIT_OPEN, 502, case-file-system-failed",
        "NO_CASE_FILE, 404, no-case-file"
    })
    void everyFailureHasItsStatusAndType(Failure failure, int status, String type) {
        DeliveryFailedException e = new DeliveryFailedException(CaseFileFailures.of(HOLDER, failure), 42);
        assertThat(e.getStatusCode().value()).isEqualTo(status);
        assertThat(e.getBody().getType()).hasToString("urn:deelpoort:problem:" + type);
        assertThat(e.getBody().getProperties())
                .containsEntry("failure", failure.name())
                .containsEntry("disclosureId", 42L);
    }

    @Test
    void onlyABusyHolderAsksToRetryAfterASecond() {
        assertThat(new DeliveryFailedException(CaseFileFailures.of(HOLDER, Failure.BUSY), 1)
                        .getHeaders()
                        .getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo("1");
        for (Failure other : Failure.values()) {
            if (other != Failure.BUSY) {
                assertThat(new DeliveryFailedException(CaseFileFailures.of(HOLDER, other), 1)
                                .getHeaders()
                                .getFirst(HttpHeaders.RETRY_AFTER))
                        .as(other.name())
                        .isNull();
            }
        }
    }
}
