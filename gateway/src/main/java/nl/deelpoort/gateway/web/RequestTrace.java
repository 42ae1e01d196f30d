package nl.deelpoort.gateway.web;

import io.micrometer.tracing.TraceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A handler's view of its request's trail: the W3C trace it belongs to (recorded in every log entry
 * it causes) and the answer's {@code X-Disclosure-Id} (docs/api.md, "Common rules"), set by {@link
 * #logged} as soon as an entry is committed, so that an error answer after it carries it too.
 * Controllers take it as an argument, next to the {@code Caller}. The trace is the request's server
 * span in Micrometer Tracing (docs/observability.md), the one the answer's {@code traceparent} names.
 */
public final class RequestTrace {

    public static final String DISCLOSURE_ID = "X-Disclosure-Id";

    private final TraceContext span;
    private final HttpServletResponse response;

    RequestTrace(TraceContext span, HttpServletResponse response) {
        this.span = span;
        this.response = response;
    }

    public String traceId() {
        return span.traceId();
    }

    public String spanId() {
        return span.spanId();
    }

    /**
     * The caller's own span, when the request arrived with a valid {@code traceparent}: the
     * operation on the caller's side that this request serves (Logboek Dataverwerkingen's
     * {@code foreign_operation}).
     */
    public Optional<String> parentSpanId() {
        return Optional.ofNullable(span.parentId());
    }

    /** This span as a {@code traceparent} header, for the calls the gateway makes on the request's behalf. */
    public String traceparent() {
        return ServerSpans.traceparent(span);
    }

    /** Names the committed log entry {@code seq} in the answer (the last one named wins). */
    public long logged(long seq) {
        response.setHeader(DISCLOSURE_ID, Long.toString(seq));
        return seq;
    }

    /** Gives every handler method that asks for it its request's {@link RequestTrace}. */
    @Component
    static final class Arguments implements WebMvcConfigurer {

        private final ServerSpans spans;

        Arguments(ServerSpans spans) {
            this.spans = spans;
        }

        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(new Resolver(spans));
        }
    }

    private record Resolver(ServerSpans spans) implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == RequestTrace.class;
        }

        @Override
        public RequestTrace resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer mav,
                NativeWebRequest request,
                WebDataBinderFactory binders) {
            return new RequestTrace(
                    spans.of(request.getNativeRequest(HttpServletRequest.class)),
                    request.getNativeResponse(HttpServletResponse.class));
        }
    }
}
