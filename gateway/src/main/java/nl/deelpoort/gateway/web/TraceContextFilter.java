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
 * Honours an incoming {@code traceparent} and answers every request with the gateway's own span in
 * it (docs/api.md, "Common rules"). Runs first, so even a 401 or 413 can be correlated.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TraceContextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TraceContext trace = TraceContext.continueFrom(request.getHeader("traceparent"));
        request.setAttribute(TraceContext.ATTRIBUTE, trace);
        response.setHeader("traceparent", trace.traceparent());
        chain.doFilter(request, response);
    }
}
