package nl.deelpoort.gateway.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Lets {@code ?lang=} choose only a language the console speaks (nl, en); anything else is ignored. */
final class LanguageChoice implements HandlerInterceptor {

    static final Set<String> LANGUAGES = Set.of("nl", "en");

    private final LocaleChangeInterceptor change;

    LanguageChoice(LocaleChangeInterceptor change) {
        this.change = change;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws jakarta.servlet.ServletException {
        String lang = request.getParameter(change.getParamName());
        if (lang != null && LANGUAGES.contains(lang)) {
            return change.preHandle(request, response, handler);
        }
        return true;
    }
}
