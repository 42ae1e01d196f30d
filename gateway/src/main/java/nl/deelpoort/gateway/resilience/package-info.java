/**
 * Resilience4j for the systems the gateway calls (the holders' case file systems, the population register): a
 * circuit breaker, a bulkhead and a time limiter per called system, configured from the calling
 * feature's own settings, their meters in the application's registry. It knows no feature; a
 * feature names its guards ({@code casefile-<holder>}, {@code population-register}) and says which of its exceptions are failures.
 */
package nl.deelpoort.gateway.resilience;
