package nl.deelpoort.gateway.web;

import java.util.List;
import nl.deelpoort.policy.Bsn;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The last look at every problem detail Spring MVC writes. Spring fills {@code instance} with the
 * request path, and a path can hold an id that is a BSN: it is removed. A detail or an invalid
 * field that holds a BSN-shaped number (a feature repeating a path segment or a value) is replaced
 * by the status's plain sentence, so no error body repeats a BSN whatever raised it.
 */
@ControllerAdvice
class ProblemBodies implements ResponseBodyAdvice<Object> {

    static final String WITHHELD = "is not valid";

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            scrub(problem);
        }
        return body;
    }

    static ProblemDetail scrub(ProblemDetail problem) {
        problem.setInstance(null);
        if (Bsn.appearsIn(problem.getDetail())) {
            problem.setDetail(StatusProblems.detail(problem.getStatus()));
        }
        if (problem.getProperties() != null && problem.getProperties().get("invalidFields") instanceof List<?> fields) {
            problem.setProperty(
                    "invalidFields",
                    fields.stream().map(ProblemBodies::scrubField).toList());
        }
        return problem;
    }

    private static Object scrubField(Object field) {
        if (field instanceof InvalidField f && (Bsn.appearsIn(f.field()) || Bsn.appearsIn(f.problem()))) {
            return new InvalidField(Bsn.appearsIn(f.field()) ? "*" : f.field(), WITHHELD);
        }
        return field;
    }
}
