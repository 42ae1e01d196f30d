package nl.deelpoort.gateway.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}), in place of Spring Boot's, which answers its own
 * JSON with the request path. Whatever sent the request here (an exception outside Spring MVC, a
 * {@code sendError} from a filter such as the firewall's 400) gets a problem detail of our types that
 * names only the status: no path, message or exception. Called directly, there is nothing here: 404.
 * No security chain matches {@code /error}; it reveals nothing, so it needs none.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        int status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        // Content type set here, so an Accept header cannot turn the error into another error.
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(StatusProblems.of(status));
    }

    static int status(Object attribute) {
        if (attribute == null) {
            return 404;
        }
        return attribute instanceof Integer code && code >= 400 && code <= 599 ? code : 500;
    }
}
