package nl.deelpoort.gateway.filesystem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A circuit breaker for one holder: after {@code failureThreshold} consecutive failures it opens and
 * refuses calls for {@code openFor}, so a holder that is down costs the gateway nothing but a
 * refusal; then it lets exactly one trial call through (half-open), whose outcome closes or reopens
 * it. Every permitted call must end in {@link #onSuccess}, {@link #onFailure} or {@link #onIgnored}.
 */
final class CircuitBreaker {

    enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final int failureThreshold;
    private final Duration openFor;
    private final Clock clock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt;
    private boolean trialInFlight;

    CircuitBreaker(int failureThreshold, Duration openFor, Clock clock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may go out now; in half-open state only the first caller gets through. */
    synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (clock.instant().isBefore(openedAt.plus(openFor))) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialInFlight = true;
                return true;
            default:
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
        }
    }

    synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    synchronized void onFailure() {
        trialInFlight = false;
        if (state == State.HALF_OPEN) {
            open();
            return;
        }
        consecutiveFailures++;
        if (state == State.CLOSED && consecutiveFailures >= failureThreshold) {
            open();
        }
    }

    /** The call ended in a way that says nothing about the holder's health (e.g. cancelled locally). */
    synchronized void onIgnored() {
        trialInFlight = false;
    }

    synchronized State state() {
        return state;
    }

    private void open() {
        state = State.OPEN;
        openedAt = clock.instant();
        consecutiveFailures = 0;
    }
}
