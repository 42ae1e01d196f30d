package nl.deelpoort.gateway.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Set;
import nl.deelpoort.gateway.security.CurrentCaller;
import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import nl.deelpoort.policy.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
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

    // An exception handler's model is a new one, without the @ModelAttribute above: the layout needs the viewer.
    @ExceptionHandler(ProblemException.class)
    String refused(ProblemException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("viewer", viewer(request));
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("status", e.getStatusCode().value());
        model.addAttribute("problemKind", kind(e.getBody().getType()));
        model.addAttribute("problemTitle", e.getBody().getTitle());
        model.addAttribute("problemDetail", e.getBody().getDetail());
        return "console/problem";
    }

    /** A service refusing a forced action by role or organisation: the same page as a refused page. */
    @ExceptionHandler(AccessDeniedException.class)
    String denied(HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("viewer", viewer(request));
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "console/forbidden";
    }

    /**
     * The problem type's slug ({@link ProblemTypes#type}) when the console words it ({@code problem.kind.<slug>} in the
     * shared bundle, in the viewer's language); the service's own detail follows it, in English.
     */
    static String kind(URI type) {
        return WORDED_KINDS.stream()
                .filter(slug -> ProblemTypes.type(slug).equals(type))
                .findFirst()
                .orElse("other");
    }

    static final Set<String> WORDED_KINDS = Set.of(
            "forbidden",
            "organisation-required",
            "not-a-party",
            "role-not-held",
            "invalid-request",
            "not-found",
            "conflict",
            "service-unavailable",
            "log-unavailable",
            "disclosure-denied",
            "case-file-system-failed",
            "case-file-system-timeout",
            "no-case-file");

    @ExceptionHandler(Exception.class)
    String failed(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        log.error("Console page failed", e);
        model.addAttribute("viewer", viewer(request));
        response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
        model.addAttribute("status", 500);
        return "console/problem";
    }
}
