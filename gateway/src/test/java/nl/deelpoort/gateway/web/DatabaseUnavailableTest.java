package nl.deelpoort.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** A database out of reach is a 503 that may be retried, not a 500 (DatabaseKillIT shows it end to end). */
class DatabaseUnavailableTest {

    private final ProblemAdvice advice = new ProblemAdvice();

    @Test
    void noConnectionWithinThePoolTimeoutIsA503WithRetryAfter() {
        var answer = advice.databaseUnavailable(new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection", new SQLTransientConnectionException("pool timeout")));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().getType()).isEqualTo(ProblemTypes.UNAVAILABLE);
        assertThat(answer.getBody().getDetail()).contains("nothing was released");
    }

    @Test
    void aTransactionThatCannotBeginIsA503() {
        var answer = advice.databaseUnavailable(new CannotCreateTransactionException("no connection"));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody().getType()).isEqualTo(ProblemTypes.UNAVAILABLE);
    }
}
