package nl.deelpoort.gateway.openapi;

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
 * Every answer under {@code /api} names the full version of the contract in {@code API-Version}
 * (API Design Rules, /core/version-header). Set before anything else may answer, so that a 401 from
 * the security filters or a 413 from the body limit carries it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiVersionFilter extends OncePerRequestFilter {

    static final String HEADER = "API-Version";

    private final String version;

    ApiVersionFilter(ApiSettings settings) {
        this.version = settings.version();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HEADER, version);
        chain.doFilter(request, response);
    }
}
