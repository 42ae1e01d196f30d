package nl.deelpoort.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 raised by the security filters (before any controller) as problem details, keeping
 * the {@code WWW-Authenticate} header RFC 6750 asks for. The 401 challenge is written here with a
 * fixed description: the token library's own description may quote the refused token.
 *
 * <p>A 403 from here is a role refusal (the endpoint table in {@link SecurityConfiguration}): type
 * {@code forbidden} with the detail {@link #ROLE_REFUSED}, or a browser origin the CORS policy does
 * not allow ({@link #corsFilter}). A feature's own 403 says something else.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String ROLE_REFUSED = "Your role does not allow this call.";

    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(
                HttpHeaders.WWW_AUTHENTICATE,
                e instanceof OAuth2AuthenticationException
                        ? "Bearer error=\"invalid_token\", error_description=\"The access token was refused\""
                        : "Bearer");
        String detail = request.getHeader("Authorization") == null
                ? "This call needs a bearer access token from the deelpoort realm."
                : "The access token was refused: it is malformed, expired, wrongly signed, not an access"
                        + " token, or not issued for this gateway.";
        write(response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unauthenticated", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        bearerDenied.handle(request, response, e);
        write(response, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", ROLE_REFUSED);
    }

    /**
     * The API's CORS filter: {@code cors}'s policy, and a request from an origin it does not allow
     * answered, like every other refusal, with a problem detail (Spring's own answer is plain text).
     */
    static CorsFilter corsFilter(CorsConfigurationSource cors, JsonMapper json) {
        CorsFilter filter = new CorsFilter(cors);
        filter.setCorsProcessor(new DefaultCorsProcessor() {
            @Override
            protected void rejectRequest(ServerHttpResponse response) throws IOException {
                response.setStatusCode(HttpStatus.FORBIDDEN);
                response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
                json.writeValue(
                        response.getBody(),
                        ProblemException.problem(
                                HttpStatus.FORBIDDEN,
                                ProblemTypes.FORBIDDEN,
                                "Forbidden",
                                "Pages of this origin may not call the API (CORS)."));
                response.flush();
            }
        });
        return filter;
    }

    private void write(HttpServletResponse response, HttpStatus status, URI type, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemException.problem(status, type, title, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
