package nl.deelpoort.gateway.resilience;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The guards of one called system. {@link #run} is the whole call, {@link #await} the wait for its
 * answer inside it: circuit breaker outermost (an open circuit costs no slot), then the bulkhead,
 * then the time limiter, the order Resilience4j itself applies.
 */
public record Guard(CircuitBreaker circuitBreaker, Bulkhead bulkhead, TimeLimiter timeLimiter) {

    /**
     * Runs the call if the circuit lets it and a slot is free; its outcome is recorded.
     *
     * @throws CallNotPermittedException when the circuit is open (or its one trial call is running)
     * @throws BulkheadFullException when every slot stays taken for the wait allowed
     */
    public <T> T run(Supplier<T> call) {
        return CircuitBreaker.decorateSupplier(circuitBreaker, Bulkhead.decorateSupplier(bulkhead, call))
                .get();
    }

    /**
     * Waits for the answer the started call promises, at most the timeout; past it the call is
     * cancelled and {@link java.util.concurrent.TimeoutException} thrown. A failed call throws its
     * cause, unwrapped from the {@link java.util.concurrent.ExecutionException}.
     */
    public <T, F extends Future<T>> T await(Supplier<F> start) throws Exception {
        return timeLimiter.executeFutureSupplier(start);
    }
}
