package nl.deelpoort.gateway.console.professional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import nl.deelpoort.gateway.grounds.GroundRefusedException;
import nl.deelpoort.gateway.grounds.OverrideRecord;
import nl.deelpoort.gateway.grounds.OverrideView;
import nl.deelpoort.gateway.grounds.Overrides;
import nl.deelpoort.gateway.grounds.Requests;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.gateway.web.validation.RequestValidator;
import nl.deelpoort.policy.Framework;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Safety override pages (issue 12): declare an override and end it, through {@link Overrides} as
 * {@code POST /api/v1/overrides} and {@code /overrides/{id}/end} do. No service lists a
 * professional's overrides by subject, so the page keeps those declared in this session and says
 * so; an override is shown as the service last answered about it.
 */
@Controller
@RequestMapping("/console/overrides")
final class OverridePages {

    private static final String FORM = "console/professional/override";
    private static final String DETAIL = "console/professional/override-detail";

    private final Overrides overrides;
    private final RequestValidator requests;
    private final GroundChoices choices;
    private final Framework framework;
    private final MessageSource messages;
    private final GroundsInSession<OverrideView> declared =
            new GroundsInSession<>("deelpoort.console.overrides", OverrideView::id);

    OverridePages(
            Overrides overrides,
            RequestValidator requests,
            GroundChoices choices,
            Framework framework,
            MessageSource messages) {
        this.overrides = overrides;
        this.requests = requests;
        this.choices = choices;
        this.framework = framework;
        this.messages = messages;
    }

    @GetMapping
    String form(Model model, Locale locale, HttpSession session) {
        return form(model, locale, session, OverrideForm.empty(), GroundErrors.none());
    }

    @PostMapping
    String declare(
            Caller caller,
            RequestTrace trace,
            @ModelAttribute OverrideForm form,
            Model model,
            Locale locale,
            HttpSession session,
            HttpServletResponse response,
            RedirectAttributes next) {
        try {
            Requests.Override body = form.request();
            List<InvalidField> problems = new ArrayList<>(requests.problems(body));
            problems.addAll(form.numberProblems());
            if (!problems.isEmpty()) {
                throw new InvalidRequestException(problems);
            }
            OverrideRecord o = overrides.declare(caller, trace, body.command());
            trace.logged(o.disclosureId());
            declared.keep(session, OverrideView.of(o, overrides.now()));
            next.addFlashAttribute("outcome", "declared");
            return "redirect:/console/overrides/" + o.id();
        } catch (InvalidRequestException | GroundRefusedException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(
                    model,
                    locale,
                    session,
                    form,
                    GroundErrors.of(refused, OverrideForm::field, OverrideForm.ORDER, messages, locale));
        }
    }

    @GetMapping("/{id}")
    String override(
            @PathVariable String id, Model model, Locale locale, HttpSession session, HttpServletResponse response) {
        Optional<OverrideView> kept = declared.find(session, Requests.id(id, "safety override"));
        if (kept.isEmpty()) {
            return notInThisSession(model, locale, response);
        }
        model.addAttribute("override", kept.get());
        model.addAttribute("words", PolicyWords.of(locale, framework));
        return DETAIL;
    }

    @PostMapping("/{id}/end")
    String end(
            Caller caller, RequestTrace trace, @PathVariable String id, HttpSession session, RedirectAttributes next) {
        UUID overrideId = Requests.id(id, "safety override");
        OverrideRecord o = overrides.end(caller, trace, overrideId);
        trace.logged(o.end().disclosureId());
        declared.keep(session, OverrideView.of(o, overrides.now()));
        next.addFlashAttribute("outcome", "ended");
        return "redirect:/console/overrides/" + o.id();
    }

    private String form(Model model, Locale locale, HttpSession session, OverrideForm form, GroundErrors errors) {
        PolicyWords words = PolicyWords.of(locale, framework);
        Duration max = framework.overridePolicy().maxDuration();
        if (overrides.maxDuration().compareTo(max) < 0) {
            max = overrides.maxDuration();
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("words", words);
        model.addAttribute("purposes", choices.overridePurposes(words));
        model.addAttribute("organisations", choices.organisations());
        model.addAttribute("categories", choices.categories(words));
        model.addAttribute("riskLevels", choices.riskLevels());
        model.addAttribute("maxHours", max.toHours());
        model.addAttribute("defaultHours", overrides.defaultDuration().toHours());
        model.addAttribute("minJustification", framework.overridePolicy().minJustificationLength());
        model.addAttribute("inSession", declared.all(session));
        return FORM;
    }

    private String notInThisSession(Model model, Locale locale, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("status", HttpStatus.NOT_FOUND.value());
        model.addAttribute("problemTitle", messages.getMessage("grounds.override.unknown.title", null, locale));
        model.addAttribute("problemDetail", messages.getMessage("grounds.override.unknown", null, locale));
        return "console/problem";
    }
}
