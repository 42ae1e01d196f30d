package nl.deelpoort.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The guards' rules, without I/O: the clock is moved by hand, calls are lambdas. */
class CallGuardsTest {

    private static final GuardSettings SETTINGS =
            new GuardSettings(3, Duration.ofSeconds(30), 2, Duration.ZERO, Duration.ofMillis(200));

    private final MutableClock clock = new MutableClock();
    private final Guard guard = new CallGuards(clock)
            .guard("test", SETTINGS, t -> t instanceof Failed, t -> t instanceof IllegalStateException);

    @Test
    void staysClosedBelowTheThresholdAndAnAnswerBreaksTheRun() {
        fail();
        fail();
        guard.run(() -> "ok");
        fail();
        fail();
        assertThat(guard.circuitBreaker().getState()).isEqualTo(State.CLOSED);
        fail();
        assertThat(guard.circuitBreaker().getState())
                .as("three failures in a row")
                .isEqualTo(State.OPEN);
    }

    @Test
    void ignoredExceptionsNeitherFailNorBreakTheRun() {
        fail();
        fail();
        assertThatThrownBy(() -> guard.run(() -> {
                    throw new IllegalStateException("local");
                }))
                .isInstanceOf(IllegalStateException.class);
        fail();
        assertThat(guard.circuitBreaker().getState()).isEqualTo(State.OPEN);
    }

    @Test
    void anOpenCircuitRefusesWithoutCallingUntilOpenForHasPassed() {
        failTimes(3);
        clock.advance(Duration.ofSeconds(29));
        int[] calls = {0};
        assertThatThrownBy(() -> guard.run(() -> calls[0]++)).isInstanceOf(CallNotPermittedException.class);
        assertThat(calls[0]).isZero();
    }

    @Test
    void afterOpenForExactlyOneTrialRunsAndItsAnswerClosesTheCircuit() {
        failTimes(3);
        // Resilience4j lets the trial through once open-for has passed (strictly after it).
        clock.advance(Duration.ofSeconds(31));
        String answer = guard.run(() -> {
            assertThat(guard.circuitBreaker().getState()).isEqualTo(State.HALF_OPEN);
            assertThatThrownBy(() -> guard.run(() -> "second"))
                    .as("a second caller while the trial runs")
                    .isInstanceOf(CallNotPermittedException.class);
            return "trial";
        });
        assertThat(answer).isEqualTo("trial");
        assertThat(guard.circuitBreaker().getState()).isEqualTo(State.CLOSED);
    }

    @Test
    void aFailedTrialReopensForAFullOpenFor() {
        failTimes(3);
        clock.advance(Duration.ofSeconds(31));
        fail();
        assertThat(guard.circuitBreaker().getState()).isEqualTo(State.OPEN);
        clock.advance(Duration.ofSeconds(29));
        assertThatThrownBy(() -> guard.run(() -> "x")).isInstanceOf(CallNotPermittedException.class);
    }

    @Test
    void anIgnoredTrialLetsTheNextCallerTry() {
        failTimes(3);
        clock.advance(Duration.ofSeconds(31));
        assertThatThrownBy(() -> guard.run(() -> {
                    throw new IllegalStateException("cancelled");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(guard.run(() -> "next")).isEqualTo("next");
        assertThat(guard.circuitBreaker().getState()).isEqualTo(State.CLOSED);
    }

    @Test
    void oneCallMoreThanTheSlotsIsRefusedAtOnceAndNotCountedAgainstTheSystem() {
        String answer = guard.run(() -> guard.run(() -> {
            assertThatThrownBy(() -> guard.run(() -> "third")).isInstanceOf(BulkheadFullException.class);
            return "second";
        }));
        assertThat(answer).isEqualTo("second");
        assertThat(guard.bulkhead().getMetrics().getAvailableConcurrentCalls())
                .as("every slot given back")
                .isEqualTo(2);
        assertThat(guard.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void anAnswerNotInTimeIsATimeoutAndTheCallIsCancelled() {
        CompletableFuture<String> never = new CompletableFuture<>();
        assertThatThrownBy(() -> guard.await(() -> never)).isInstanceOf(TimeoutException.class);
        assertThat(never).isCancelled();
    }

    @Test
    void aNameIsGivenOnce() {
        CallGuards guards = new CallGuards(clock).bindTo(new SimpleMeterRegistry());
        guards.guard("casefile-x", SETTINGS, t -> true, t -> false);
        assertThatThrownBy(() -> guards.guard("casefile-x", SETTINGS, t -> true, t -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("casefile-x");
    }

    private void failTimes(int n) {
        for (int i = 0; i < n; i++) {
            fail();
        }
    }

    private void fail() {
        assertThatThrownBy(() -> guard.run(() -> {
                    throw new Failed();
                }))
                .isInstanceOf(Failed.class);
    }

    private static final class Failed extends RuntimeException {}

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
