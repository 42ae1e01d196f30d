package nl.deelpoort.casefile.stub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuietNotifierTest {

    @Test
    void masksEveryRunOfNineDigits() {
        String message = "Request was not matched: {\"bsn\":\"999993653\"} and 999990019, port 8280, id 1234567890";

        assertThat(QuietNotifier.redact(message))
                .doesNotContain("999993653", "999990019")
                .contains("*********", "8280", "1234567890");
    }

    @Test
    void toleratesAMissingMessage() {
        assertThat(QuietNotifier.redact(null)).isEmpty();
    }
}
