package nl.deelpoort.gateway.logstore;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.ledger.LogEntry;

/**
 * Appending to the disclosure log, for every feature: "log before release". {@link #append} returns
 * only once the entry is durably committed, with the seq it got (the {@code disclosureId} of the API).
 * If it throws, nothing may be released.
 */
public class DisclosureLog {

    private final LogSequencer sequencer;
    private final Duration timeout;

    DisclosureLog(LogSequencer sequencer, Duration timeout) {
        this.sequencer = sequencer;
        this.timeout = timeout;
    }

    /**
     * Appends an entry; its seq and registeredAt are set by the log.
     *
     * @return the committed seq
     * @throws LogUnavailableException if the entry could not be committed in time (it may still be
     *     committed later; the caller has released nothing, which is what matters)
     * @throws IllegalArgumentException if the entry cannot be written in canonical form
     */
    public long append(LogEntry.Builder entry) {
        return append(entry.build());
    }

    /**
     * The entry stamped with the request that causes it: its W3C trace id, the gateway's span, and the
     * caller's span when the request carried a {@code traceparent} (docs/logboek-dataverwerkingen.md).
     * Every entry written on behalf of a request goes through here; only housekeeping, which has no
     * request, writes entries without.
     */
    public static LogEntry.Builder traced(LogEntry.Builder entry, RequestTrace trace) {
        return entry.traceId(trace.traceId())
                .spanId(trace.spanId())
                .callerSpanId(trace.parentSpanId().orElse(null));
    }

    /** As {@link #append(LogEntry.Builder)}; the entry's own seq and registeredAt are ignored. */
    public long append(LogEntry entry) {
        return await(sequencer.submit(entry));
    }

    private long await(CompletableFuture<Long> seq) {
        try {
            return seq.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new LogUnavailableException("The disclosure log could not commit the entry.", e.getCause());
        } catch (TimeoutException e) {
            throw new LogUnavailableException("The disclosure log did not confirm the entry in time.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogUnavailableException("Interrupted while waiting for the disclosure log.", e);
        }
    }
}
