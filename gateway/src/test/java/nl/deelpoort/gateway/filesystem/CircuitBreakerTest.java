package nl.deelpoort.gateway.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import nl.deelpoort.gateway.filesystem.CircuitBreaker.State;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final MutableClock clock = new MutableClock();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), clock);

    @Test
    void staysClosedBelowTheThresholdAndASuccessResetsTheCount() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onSuccess();
        breaker.onFailure();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void opensAtTheThresholdAndRefusesDuringTheCoolDown() {
        failTimes(3);
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        clock.advance(Duration.ofSeconds(29));
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void afterTheCoolDownLetsExactlyOneTrialThrough() {
        failTimes(3);
        clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.tryAcquire()).as("the trial call").isTrue();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.tryAcquire())
                .as("a second caller while the trial runs")
                .isFalse();
    }

    @Test
    void aSuccessfulTrialClosesIt() {
        failTimes(3);
        clock.advance(Duration.ofSeconds(30));
        breaker.tryAcquire();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void aFailedTrialReopensItForAFullCoolDown() {
        failTimes(3);
        clock.advance(Duration.ofSeconds(30));
        breaker.tryAcquire();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        clock.advance(Duration.ofSeconds(29));
        assertThat(breaker.tryAcquire()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void anIgnoredTrialLetsTheNextCallerTry() {
        failTimes(3);
        clock.advance(Duration.ofSeconds(30));
        breaker.tryAcquire();
        breaker.onIgnored();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    private void failTimes(int n) {
        for (int i = 0; i < n; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.onFailure();
        }
    }

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
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
