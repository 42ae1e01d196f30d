package nl.deelpoort.gateway.logstore;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Part of readiness (docs/observability.md): the gateway can release nothing while its log sequencer
 * cannot commit, so it should get no traffic. Down when the writer thread is stopped, when it has not
 * come round its loop for longer than an append may wait (stuck in a write), or when its latest batch
 * failed less than that long ago; after that window the next append tries again, so a database that
 * comes back brings readiness back without traffic having to prove it first.
 */
final class LogSequencerHealth implements HealthIndicator {

    private final LogSequencer sequencer;
    private final Duration window;

    LogSequencerHealth(LogSequencer sequencer, Duration window) {
        this.sequencer = sequencer;
        this.window = window;
    }

    @Override
    public Health health() {
        LogSequencer.State s = sequencer.state();
        Health.Builder health = s.problem(window)
                .map(p -> Health.down().withDetail("problem", p))
                .orElseGet(Health::up);
        return health.withDetail("queued", s.queued())
                .withDetail("sinceLastRound", s.sinceHeartbeat().toString())
                .build();
    }
}
