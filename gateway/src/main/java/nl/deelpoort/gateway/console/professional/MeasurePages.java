package nl.deelpoort.gateway.console.professional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.deelpoort.gateway.grounds.GroundRefusedException;
import nl.deelpoort.gateway.grounds.MeasureRecord;
import nl.deelpoort.gateway.grounds.MeasureView;
import nl.deelpoort.gateway.grounds.Measures;
import nl.deelpoort.gateway.grounds.Requests;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.gateway.web.validation.RequestValidator;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.MeasureRules;
import nl.deelpoort.policy.MeasureType;
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
 * Child-protection measure pages (issue 12): register a measure and end it, through {@link Measures}
 * as {@code POST /api/v1/measures} and {@code /measures/{id}/end} do. Only a certified institution
 * (GI) registers measures: the policy's {@link MeasureRules#checkRegistrar} decides whether the pages
 * are shown at all (the console's refusal page otherwise); a forced POST reaches the service, which
 * refuses it by the same rule. No service lists measures, so the page keeps those registered in this
 * session and says so.
 */
@Controller
@RequestMapping("/console/measures")
final class MeasurePages {

    private static final String FORM = "console/professional/measure";
    private static final String DETAIL = "console/professional/measure-detail";

    private final Measures measures;
    private final MeasureRules rules;
    private final RequestValidator requests;
    private final Framework framework;
    private final MessageSource messages;
    private final GroundsInSession<MeasureView> registered =
            new GroundsInSession<>("deelpoort.console.measures", MeasureView::id);

    MeasurePages(
            Measures measures,
            MeasureRules rules,
            RequestValidator requests,
            Framework framework,
            MessageSource messages) {
        this.measures = measures;
        this.rules = rules;
        this.requests = requests;
        this.framework = framework;
        this.messages = messages;
    }

    @GetMapping
    String form(Caller caller, Model model, Locale locale, HttpSession session, HttpServletResponse response) {
        if (!certified(caller)) {
            return forbidden(response);
        }
        return form(model, locale, session, MeasureForm.empty(), GroundErrors.none());
    }

    @PostMapping
    String register(
            Caller caller,
            RequestTrace trace,
            @ModelAttribute MeasureForm form,
            Model model,
            Locale locale,
            HttpSession session,
            HttpServletResponse response,
            RedirectAttributes next) {
        try {
            MeasureRecord m = measures.register(
                    caller, trace, requests.valid(form.request()).command());
            trace.logged(m.disclosureId());
            registered.keep(session, MeasureView.of(m, measures.now()));
            next.addFlashAttribute("outcome", "registered");
            return "redirect:/console/measures/" + m.id();
        } catch (InvalidRequestException | GroundRefusedException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(
                    model,
                    locale,
                    session,
                    form,
                    GroundErrors.of(refused, MeasureForm::field, MeasureForm.ORDER, messages, locale));
        }
    }

    @GetMapping("/{id}")
    String measure(
            Caller caller,
            @PathVariable String id,
            Model model,
            Locale locale,
            HttpSession session,
            HttpServletResponse response) {
        if (!certified(caller)) {
            return forbidden(response);
        }
        Optional<MeasureView> kept = registered.find(session, Requests.id(id, "measure"));
        if (kept.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("status", HttpStatus.NOT_FOUND.value());
            model.addAttribute("problemTitle", messages.getMessage("grounds.measure.unknown.title", null, locale));
            model.addAttribute("problemDetail", messages.getMessage("grounds.measure.unknown", null, locale));
            return "console/problem";
        }
        model.addAttribute("measure", kept.get());
        model.addAttribute("words", PolicyWords.of(locale, framework));
        return DETAIL;
    }

    @PostMapping("/{id}/end")
    String end(
            Caller caller, RequestTrace trace, @PathVariable String id, HttpSession session, RedirectAttributes next) {
        MeasureRecord m = measures.end(caller, trace, Requests.id(id, "measure"));
        trace.logged(m.end().disclosureId());
        registered.keep(session, MeasureView.of(m, measures.now()));
        next.addFlashAttribute("outcome", "ended");
        return "redirect:/console/measures/" + m.id();
    }

    private String form(Model model, Locale locale, HttpSession session, MeasureForm form, GroundErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("words", PolicyWords.of(locale, framework));
        model.addAttribute("types", List.of(MeasureType.values()));
        model.addAttribute("inSession", registered.all(session));
        return FORM;
    }

    /** Whether the viewer's organisation registers measures at all, by the policy's own rule. */
    private boolean certified(Caller caller) {
        return rules.checkRegistrar(caller.requireOrganisation()).isEmpty();
    }

    /** The console's refusal page, as for a page of another role: this one is for GIs only. */
    private static String forbidden(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "console/forbidden";
    }
}
