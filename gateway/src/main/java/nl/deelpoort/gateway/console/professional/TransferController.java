package nl.deelpoort.gateway.console.professional;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.deelpoort.gateway.exchange.ExchangeRequests;
import nl.deelpoort.gateway.exchange.Exchanges;
import nl.deelpoort.gateway.exchange.Transfer;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.policy.ActingRole;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Versturen", a push in three steps: the form; the check, which evaluates the push's own question
 * (as {@code POST /api/v1/decisions/evaluate} would, logged as an evaluation) and shows which
 * sections will be released and which withheld, sending nothing; and the send, the same service
 * call as {@code POST /api/v1/transfers}, which decides again. The confirmation follows a redirect,
 * so reloading it cannot send twice.
 */
@Controller
record TransferController(
        ExchangeRequests requests, Exchanges exchanges, Framework framework, MessageSource messages, Clock clock) {

    private static final String FORM_PAGE = "console/professional/transfer-new";
    private static final String SENT_PATH = "/console/transfers/sent";

    /** The form's fields, top to bottom: the order of its error summary. */
    private static final List<String> FIELDS =
            List.of("recipient", "senderRole", "purpose", "bsn", "sections", "overrideId");

    /** What the confirmation shows; it holds no personal data (the flash map lives in the session). */
    public record Sent(
            String transferId,
            long disclosureId,
            String recipient,
            String recipientRole,
            String purpose,
            List<String> released,
            List<String> withheld,
            String expires) {

        static Sent of(Exchanges.Pushed pushed, Framework framework, PolicyWords words) {
            Transfer t = pushed.transfer();
            return new Sent(
                    t.id().toString(),
                    t.disclosureSeq(),
                    PolicyWords.organisation(framework, t.recipient()),
                    words.label(ActingRole.class, t.recipientRole()),
                    words.title(Purpose.class, t.purpose()),
                    pushed.result().released().stream()
                            .sorted()
                            .map(words::title)
                            .toList(),
                    pushed.result().withheld().keySet().stream()
                            .sorted()
                            .map(words::title)
                            .toList(),
                    words.time(t.expiresAt()));
        }
    }

    @GetMapping("/console/transfers/new")
    String form(Caller caller, Locale locale, Model model) {
        ExchangeChoices choices = ExchangeChoices.of(framework, PolicyWords.of(locale));
        OrganisationId own = caller.requireOrganisation();
        List<ExchangeChoices.Option> roles = choices.rolesOf(own);
        Optional<String> onlyRole = roles.size() == 1 ? Optional.of(roles.get(0).value()) : Optional.empty();
        return formPage(model, choices, own, TransferForm.empty(onlyRole), ExchangeFormErrors.none());
    }

    /** Back from the check to the form, with everything typed still there. */
    @PostMapping("/console/transfers/edit")
    String edit(Caller caller, TransferForm form, Locale locale, Model model) {
        ExchangeChoices choices = ExchangeChoices.of(framework, PolicyWords.of(locale));
        return formPage(model, choices, caller.requireOrganisation(), form, ExchangeFormErrors.none());
    }

    @PostMapping("/console/transfers/check")
    String check(
            Caller caller,
            RequestTrace trace,
            TransferForm form,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        PolicyWords words = PolicyWords.of(locale);
        ExchangeChoices choices = ExchangeChoices.of(framework, words);
        OrganisationId own = caller.requireOrganisation();
        try {
            ExchangeRequests.Push push = requests.push(form.body(), own);
            Exchanges.Evaluated e = exchanges.evaluate(new Exchanges.Call(caller, trace), push.question());
            model.addAttribute("form", form);
            model.addAttribute(
                    "answer", ExchangeAnswer.of(e.result(), e.disclosureId(), framework, clock.instant(), words));
            model.addAttribute("recipient", recipientWords(form, words));
            return "console/professional/transfer-check";
        } catch (InvalidRequestException e) {
            return invalid(e, form, own, choices, model, response, locale);
        } catch (ProblemException e) {
            ExchangeRefusal refusal = ExchangeRefusal.of(e, words);
            response.setStatus(refusal.status());
            model.addAttribute("refusal", refusal);
            return formPage(model, choices, own, form, ExchangeFormErrors.none());
        }
    }

    @PostMapping("/console/transfers")
    String send(
            Caller caller,
            RequestTrace trace,
            TransferForm form,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PolicyWords words = PolicyWords.of(locale);
        OrganisationId own = caller.requireOrganisation();
        try {
            Exchanges.Pushed pushed =
                    exchanges.push(new Exchanges.Call(caller, trace), requests.push(form.body(), own));
            redirect.addFlashAttribute("sent", Sent.of(pushed, framework, words));
            return "redirect:" + SENT_PATH;
        } catch (InvalidRequestException e) {
            return invalid(e, form, own, ExchangeChoices.of(framework, words), model, response, locale);
        } catch (ProblemException e) {
            ExchangeRefusal refusal = ExchangeRefusal.of(e, words);
            response.setStatus(refusal.status());
            model.addAttribute("refusal", refusal);
            model.addAttribute("form", form);
            return "console/professional/transfer-refused";
        }
    }

    /**
     * A step after the form opened by GET (the language switch, a bookmark): what was typed travels
     * only in POST bodies and is gone, so the form starts again.
     */
    @GetMapping({"/console/transfers", "/console/transfers/check", "/console/transfers/edit"})
    String restart() {
        return "redirect:/console/transfers/new";
    }

    /** The confirmation; without a send just before (a bookmark, a second reload), the form. */
    @GetMapping(SENT_PATH)
    String sent(Model model) {
        return model.containsAttribute("sent")
                ? "console/professional/transfer-sent"
                : "redirect:/console/transfers/new";
    }

    private String invalid(
            InvalidRequestException e,
            TransferForm form,
            OrganisationId own,
            ExchangeChoices choices,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return formPage(
                model, choices, own, form, ExchangeFormErrors.of(e.fields(), "senderRole", FIELDS, messages, locale));
    }

    private static String formPage(
            Model model, ExchangeChoices choices, OrganisationId own, TransferForm form, ExchangeFormErrors errors) {
        model.addAttribute("choices", choices);
        model.addAttribute("recipients", choices.partiesExcept(own));
        model.addAttribute("roles", choices.rolesOf(own));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return FORM_PAGE;
    }

    /** "GR PlusTeam (adviseur)" for the check's notice, from the form's recipient value. */
    private String recipientWords(TransferForm form, PolicyWords words) {
        ExchangeChoices.Side to = ExchangeChoices.Side.parse(form.recipient());
        String name = to.organisation()
                .map(o -> PolicyWords.organisation(framework, o))
                .orElse("");
        String role = to.role().map(r -> words.label(ActingRole.class, r)).orElse("");
        return role.isEmpty() ? name : name + " (" + role + ")";
    }
}
