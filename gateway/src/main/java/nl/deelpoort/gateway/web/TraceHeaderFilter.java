package nl.deelpoort.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every request with the gateway's own span in a {@code traceparent} header (docs/api.md,
 * "Common rules"). The span is the one Spring's {@code ServerHttpObservationFilter} opened (order
 * {@code HIGHEST_PRECEDENCE + 1}), continuing the caller's trace when its {@code traceparent} was
 * valid; this filter runs right after it and before the security filters and the body limit, so even
 * a 401 or a 413 can be correlated.
 */
@Component
@Order(TraceHeaderFilter.ORDER)
class TraceHeaderFilter extends OncePerRequestFilter {

    /** Right after Spring Boot's {@code ServerHttpObservationFilter} registration. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    static final String TRACEPARENT = "traceparent";

    private final ServerSpans spans;

    TraceHeaderFilter(ServerSpans spans) {
        this.spans = spans;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        spans.find(request).ifPresent(span -> response.setHeader(TRACEPARENT, ServerSpans.traceparent(span)));
        chain.doFilter(request, response);
    }
}
