package nl.deelpoort.gateway.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * The server span of a request: the span of the {@code http.server.requests} observation that
 * Spring's {@code ServerHttpObservationFilter} started for it. That, and not whatever span is current,
 * is what the answer's {@code traceparent} and the log entries name: inside the security filters and
 * the handler other observations (Spring Security's, for one) may have a child span open.
 */
@Component
final class ServerSpans {

    private final Tracer tracer;

    ServerSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * The request's server span context.
     *
     * @throws IllegalStateException when tracing is switched off: no log entry is written without a
     *     trace (fail closed), and the gateway does not invent one of its own
     */
    TraceContext of(HttpServletRequest request) {
        return find(request)
                .orElseThrow(() -> new IllegalStateException(
                        "No trace for this request: tracing must be on (management.tracing.enabled)"));
    }

    /** The request's server span context, if tracing is on. */
    Optional<TraceContext> find(HttpServletRequest request) {
        Span span = ServerHttpObservationFilter.findObservationContext(request)
                .map(c ->
                        c.<TracingObservationHandler.TracingContext>get(TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .orElseGet(tracer::currentSpan);
        if (span == null || span.isNoop() || span.context().traceId().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(span.context());
    }

    /** A span as a W3C {@code traceparent} header value, version 00. */
    static String traceparent(TraceContext span) {
        return "00-" + span.traceId() + "-" + span.spanId() + "-" + (Boolean.TRUE.equals(span.sampled()) ? "01" : "00");
    }
}
