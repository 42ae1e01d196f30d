package nl.deelpoort.gateway.resilience;

import java.time.Duration;

/**
 * How one called system is guarded. A feature maps its own settings record onto this.
 *
 * @param failureThreshold consecutive failures that open the circuit (a count-based window of this
 *     size that must fail entirely)
 * @param openFor how long an open circuit refuses before one trial call is let through
 * @param maxConcurrentCalls calls in flight at once; one more is refused (bulkhead)
 * @param maxWaitForSlot how long a call waits for a free slot before it is refused; zero: at once
 * @param timeout how long the answer of one call is awaited (time limiter)
 */
public record GuardSettings(
        int failureThreshold, Duration openFor, int maxConcurrentCalls, Duration maxWaitForSlot, Duration timeout) {

    public GuardSettings {
        if (failureThreshold < 1 || maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("failureThreshold and maxConcurrentCalls must be at least 1");
        }
        if (openFor.isNegative() || openFor.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("openFor and timeout must be positive");
        }
        if (maxWaitForSlot.isNegative()) {
            throw new IllegalArgumentException("maxWaitForSlot must not be negative");
        }
    }
}
