package nl.deelpoort.gateway.web;

import static nl.deelpoort.gateway.web.ProblemException.problem;

import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where exceptions become RFC 9457 problem details. Bad input is a 4xx naming the
 * field and the rule; anything unexpected is a 500 without a stack trace or request content.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    /**
     * A feature's own refusal (e.g. only the declaring organisation ends an override). Role rules
     * are refused earlier, by the security filter chain, with the detail "Your role does not allow
     * this call."; this detail differs so the two can be told apart.
     */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", "You are not allowed to do this.");
    }

    /**
     * Thrown while the request was bound to the handler's arguments, these say the request could not
     * be read: 400 without the message (it may quote the input). Thrown by our code, they are bugs: 500.
     */
    @ExceptionHandler({NullPointerException.class, IllegalArgumentException.class})
    ProblemDetail unreadableArgument(RuntimeException e) {
        if (!BindingPhase.threw(e)) {
            return unexpected(e);
        }
        log.info("Request not bound: {}", e.getClass().getName());
        return problem(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.MALFORMED_REQUEST,
                "Malformed request",
                "A part of the request could not be read.");
    }

    /**
     * The database could not be reached (no connection within the pool's timeout, a connection broken
     * under the query, a transaction that could not begin): nothing was released, and the caller may try
     * again, so 503 rather than 500. The log's own failures are {@code LogUnavailableException}s already.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e) {
        log.warn("503: database unavailable: {}", e.getClass().getName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        ProblemTypes.UNAVAILABLE,
                        "Service unavailable",
                        "The gateway's database could not be reached, so nothing was released. Try again later."));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        // The message may carry request content; log the type and stack, answer without either.
        log.error("Unhandled {}", e.getClass().getName(), e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemTypes.INTERNAL,
                "Internal error",
                "The gateway could not complete the request. Nothing was released.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = problem(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.MALFORMED_REQUEST,
                "Malformed request body",
                MalformedBody.describe(ex));
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> fields = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new InvalidField(f.getField(), f.getDefaultMessage()))
                .toList();
        ProblemDetail body = problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                ProblemTypes.INVALID_REQUEST,
                "Invalid request",
                "The request breaks " + fields.size() + " rule(s); see invalidFields.");
        body.setProperty("invalidFields", fields);
        return handleExceptionInternal(ex, body, headers, HttpStatus.UNPROCESSABLE_CONTENT, request);
    }

    /** A path variable or query parameter of the wrong type: named with the type, never its value. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String rule = "must be " + MalformedBody.expected(ex.getRequiredType());
        ProblemDetail body = problem(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.MALFORMED_REQUEST,
                "Malformed request",
                "Parameter '" + name + "' " + rule + ".");
        body.setProperty("invalidFields", List.of(new InvalidField(name, rule)));
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Spring's own problem details (405, 415, a missing parameter, …) carry {@code about:blank} and
     * details that may quote the request (a Content-Type, a method, a path): they get our type and
     * a fixed sentence, except where the detail names only what the code declares.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponseException response) {
            // A feature's own problem (ProblemException): its problem detail is the answer.
            body = response.getBody();
        }
        if (ex instanceof ProblemException problem && statusCode.is5xxServerError()) {
            log.warn("{}: {}", statusCode.value(), problem.logMessage());
        }
        if (body == null
                || body instanceof ProblemDetail p && (p.getType() == null || ABOUT_BLANK.equals(p.getType()))) {
            ProblemDetail ours = StatusProblems.of(statusCode.value());
            if (ex instanceof MissingServletRequestParameterException missing) {
                ours.setDetail("Parameter '" + missing.getParameterName() + "' is required.");
            } else if (ex instanceof MissingRequestHeaderException missing) {
                ours.setDetail("Header '" + missing.getHeaderName() + "' is required.");
            }
            body = ours;
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", "No such resource.");
        return handleExceptionInternal(ex, body, headers, HttpStatus.NOT_FOUND, request);
    }
}
