package nl.deelpoort.gateway.console.professional;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import nl.deelpoort.gateway.exchange.ExchangeRequests;
import nl.deelpoort.gateway.exchange.Exchanges;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.OrganisationId;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Mag ik dit delen?": the form and, on the same page, the answer of the same evaluation as {@code
 * POST /api/v1/decisions/evaluate}. A question naming a subject is logged as the API logs it, and
 * the page shows that entry's number.
 */
@Controller
record ShareCheckController(
        ExchangeRequests requests, Exchanges exchanges, Framework framework, MessageSource messages, Clock clock) {

    private static final String PATH = "/console/share-check";

    /** The form's fields, top to bottom: the order of its error summary. */
    private static final List<String> FIELDS =
            List.of("purpose", "holder", "recipient", "categories", "bsn", "overrideId");

    @GetMapping(PATH)
    String form(Caller caller, Locale locale, Model model) {
        ExchangeChoices choices = ExchangeChoices.of(framework, PolicyWords.of(locale));
        OrganisationId own = caller.requireOrganisation();
        return page(model, choices, ShareCheckForm.opening(choices.firstSideOf(own)), ExchangeFormErrors.none());
    }

    @PostMapping(PATH)
    String ask(
            Caller caller,
            RequestTrace trace,
            ShareCheckForm form,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        PolicyWords words = PolicyWords.of(locale);
        ExchangeChoices choices = ExchangeChoices.of(framework, words);
        OrganisationId own = caller.requireOrganisation();
        try {
            Exchanges.Evaluated e =
                    exchanges.evaluate(new Exchanges.Call(caller, trace), requests.evaluate(form.body(own)));
            model.addAttribute(
                    "answer", ExchangeAnswer.of(e.result(), e.disclosureId(), framework, clock.instant(), words));
            return page(model, choices, form, ExchangeFormErrors.none());
        } catch (InvalidRequestException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(
                    model,
                    choices,
                    form,
                    ExchangeFormErrors.of(e.fields(), form.ownSide(own), FIELDS, messages, locale));
        } catch (ProblemException e) {
            ExchangeRefusal refusal = ExchangeRefusal.of(e, words);
            response.setStatus(refusal.status());
            model.addAttribute("refusal", refusal);
            return page(model, choices, form, ExchangeFormErrors.none());
        }
    }

    private static String page(Model model, ExchangeChoices choices, ShareCheckForm form, ExchangeFormErrors errors) {
        model.addAttribute("choices", choices);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "console/professional/share-check";
    }
}
