package nl.deelpoort.gateway.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.deelpoort.gateway.security.CurrentCaller;
import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.policy.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page has: the {@link Viewer} for its header, and a page (never a stack trace or
 * a JSON body) when a service refuses or fails. A refusal a page expects (a consent the rules refuse)
 * is shown on the form by its controller; what reaches this advice is shown on the problem page with
 * the service's own title and sentence, which never hold personal data. It comes before the API's
 * problem-detail advice, which would answer JSON.
 */
@ControllerAdvice(basePackages = "nl.deelpoort.gateway.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

    private final Framework framework;

    ConsoleAdvice(Framework framework) {
        this.framework = framework;
    }

    @ModelAttribute("viewer")
    Viewer viewer(HttpServletRequest request) {
        return CurrentCaller.get()
                .map(caller -> Viewer.of(caller, CurrentCaller.fullName(), framework, request.getRequestURI()))
                .orElseGet(() -> Viewer.anonymous(request.getRequestURI()));
    }

    @ExceptionHandler(ProblemException.class)
    String refused(ProblemException e, HttpServletResponse response, Model model) {
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("status", e.getStatusCode().value());
        model.addAttribute("problemTitle", e.getBody().getTitle());
        model.addAttribute("problemDetail", e.getBody().getDetail());
        return "console/problem";
    }

    @ExceptionHandler(Exception.class)
    String failed(Exception e, HttpServletResponse response, Model model) {
        log.error("Console page failed", e);
        response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
        model.addAttribute("status", 500);
        return "console/problem";
    }
}
