package nl.deelpoort.gateway.resilience;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Makes the {@link Guard}s of the called systems: one registry per concern, one instance of each per
 * name. The application has one, bound to its meter registry (so {@code resilience4j_*} meters are
 * exported for every guard, present and future, tagged with the guard's name); a test may make its
 * own.
 *
 * <p>The circuit breaker opens after {@code failureThreshold} consecutive failures: a count-based
 * window of that size in which every call must have failed. It stays open for {@code openFor} and
 * then, on the next call, lets exactly one trial through (half-open), whose outcome closes or reopens
 * it. A call is judged by its outcome only, never by its duration: the time limiter already turns a
 * slow call into a failure.
 */
public final class CallGuards {

    /** Slowness is not a failure here (see above); Resilience4j wants some threshold. */
    private static final Duration NEVER_SLOW = Duration.ofDays(1);

    private final Clock clock;
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
    private final TimeLimiterRegistry timeLimiters = TimeLimiterRegistry.ofDefaults();

    public CallGuards(Clock clock) {
        this.clock = clock;
    }

    /** Exports the meters of every guard made here, now and later. */
    public CallGuards bindTo(MeterRegistry meters) {
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
        TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(timeLimiters).bindTo(meters);
        return this;
    }

    /**
     * The guards of one called system.
     *
     * @param name unique among the guards made here, e.g. {@code casefile-plusteam}; a tag of the
     *     meters, so of a bounded set
     * @param isFailure the exceptions that count as a failure of the called system
     * @param isIgnored the exceptions that say nothing about its health (e.g. a local cancellation);
     *     every other exception counts as an answer, like a result
     * @throws IllegalStateException when the name is taken (a registry would silently hand out the
     *     old instance with its old settings)
     */
    public synchronized Guard guard(
            String name, GuardSettings settings, Predicate<Throwable> isFailure, Predicate<Throwable> isIgnored) {
        if (breakers.find(name).isPresent()) {
            throw new IllegalStateException("A guard named " + name + " exists already");
        }
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .slidingWindow(settings.failureThreshold(), settings.failureThreshold(), SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100)
                .slowCallRateThreshold(100)
                .slowCallDurationThreshold(NEVER_SLOW)
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(isFailure::test)
                .ignoreException(isIgnored::test)
                .writableStackTraceEnabled(false)
                .clock(clock)
                .build();
        BulkheadConfig bulkhead = BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls())
                .maxWaitDuration(settings.maxWaitForSlot())
                .writableStackTraceEnabled(false)
                .build();
        TimeLimiterConfig timeLimiter = TimeLimiterConfig.custom()
                .timeoutDuration(settings.timeout())
                .cancelRunningFuture(true)
                .build();
        return new Guard(
                breakers.circuitBreaker(name, breaker),
                bulkheads.bulkhead(name, bulkhead),
                timeLimiters.timeLimiter(name, timeLimiter));
    }
}
