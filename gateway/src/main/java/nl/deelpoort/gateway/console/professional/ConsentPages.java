package nl.deelpoort.gateway.console.professional;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.deelpoort.gateway.grounds.ConsentRecord;
import nl.deelpoort.gateway.grounds.ConsentView;
import nl.deelpoort.gateway.grounds.Consents;
import nl.deelpoort.gateway.grounds.GroundRefusedException;
import nl.deelpoort.gateway.grounds.Requests;
import nl.deelpoort.gateway.population.PopulationRegisterException;
import nl.deelpoort.gateway.population.RegisterFacts;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.gateway.web.validation.RequestValidator;
import nl.deelpoort.gateway.web.validation.Values;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.ConsentGiverRole;
import nl.deelpoort.policy.ConsentGiverRules;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.Reason;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Consent pages (issue 12): record a consent, find a subject's consents, look at one and withdraw it.
 * Each action calls {@link Consents} exactly as {@code POST /api/v1/consents}, {@code
 * /consents/search} and {@code /consents/{id}/withdrawal} do, with the same request records and input
 * rules; a refusal comes back on the form, each sentence by its field. The BSN is typed into a form
 * and travels in a POST body only; a consent is addressed by its id.
 */
@Controller
@RequestMapping("/console/consents")
final class ConsentPages {

    private static final String FORM = "console/professional/consent";
    private static final String SEARCH = "console/professional/consent-search";
    private static final String DETAIL = "console/professional/consent-detail";

    /** A consent can be withdrawn until it has ended (ConsentView's statuses). */
    private static final Set<String> WITHDRAWABLE = Set.of("ACTIVE", "NOT_YET_VALID");

    /** The withdraw form as the browser sends it: {@code POST /api/v1/consents/{id}/withdrawal}'s body. */
    record WithdrawalForm(String reason, String withdrawnBy) {
        Requests.Withdrawal request() {
            return new Requests.Withdrawal(
                    reason,
                    withdrawnBy == null || withdrawnBy.isBlank() ? null : new Requests.WithdrawnBy(withdrawnBy));
        }

        static String field(String apiPath) {
            return apiPath.startsWith("withdrawnBy") ? "withdrawnBy" : apiPath;
        }
    }

    /** The search form: {@code POST /api/v1/consents/search}'s body. */
    record SearchForm(String bsn) {}

    /**
     * What the form learns about the givers as a birth date and roles are entered (professional.js); where the gateway
     * consults the population register, also what it says of the subject ({@code register}, a sentence) and its birth
     * date for the form to fill in ({@code registerBirthDate}, ISO; null when unknown).
     */
    record GiverCheck(
            Integer band,
            String applies,
            boolean satisfied,
            String verdict,
            String register,
            String registerBirthDate) {}

    private final Consents consents;
    private final RequestValidator requests;
    private final ConsentGiverRules giverRules;
    private final GroundChoices choices;
    private final Framework framework;
    private final MessageSource messages;
    private final Clock clock;

    ConsentPages(
            Consents consents,
            RequestValidator requests,
            ConsentGiverRules giverRules,
            GroundChoices choices,
            Framework framework,
            MessageSource messages,
            Clock clock) {
        this.consents = consents;
        this.requests = requests;
        this.giverRules = giverRules;
        this.choices = choices;
        this.framework = framework;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String form(Model model, Locale locale) {
        return form(model, locale, ConsentForm.empty(), GroundErrors.none());
    }

    @PostMapping
    String give(
            Caller caller,
            RequestTrace trace,
            @ModelAttribute ConsentForm form,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes next) {
        try {
            ConsentRecord consent =
                    consents.give(caller, trace, requests.valid(form.request()).command());
            trace.logged(consent.disclosureId());
            next.addFlashAttribute("recorded", true);
            return "redirect:/console/consents/" + consent.id();
        } catch (InvalidRequestException | GroundRefusedException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(
                    model, locale, form, GroundErrors.of(refused, form::field, ConsentForm.ORDER, messages, locale));
        }
    }

    /**
     * The rule for the birth date entered and whether the roles entered satisfy it, for the form to
     * show while it is filled in: the policy's own band and sentence, judged as the service will judge
     * the consent when it is recorded today. Nothing is recorded or logged. Without a valid birth date
     * there is nothing to say (204).
     */
    @PostMapping("/givers")
    @ResponseBody
    ResponseEntity<GiverCheck> checkGivers(Caller caller, @ModelAttribute ConsentForm form, Locale locale) {
        Optional<LocalDate> birth = Values.date(form.birthDate());
        LocalDate today = today();
        Optional<RegisterFacts> facts = registerFacts(caller, form.bsn());
        String register = facts.map(f -> words(f, locale)).orElse(null);
        if (consents.checksRegister() && Bsn.isValid(form.bsn()) && facts.isEmpty()) {
            register = messages.getMessage("grounds.consent.register.unavailable", null, locale);
        }
        Optional<LocalDate> registered = facts.filter(RegisterFacts::registered).map(RegisterFacts::birthDate);
        if (registered.isPresent()) {
            // The register's birth date is the one the service will use.
            birth = registered;
        }
        Optional<ConsentGiverRules.AgeBand> band = birth.flatMap(b -> giverRules.ageBand(b, today));
        if (band.isEmpty()) {
            return register == null
                    ? ResponseEntity.noContent().build()
                    : ResponseEntity.ok(new GiverCheck(null, null, false, null, register, null));
        }
        List<ConsentGiverRole> roles = form.giverRole().stream()
                .flatMap(r -> Values.constant(ConsentGiverRole.class, r).stream())
                .toList();
        List<Reason> refused = giverRules.check(birth.get(), roles, today);
        boolean english = PolicyWords.english(locale);
        String verdict = refused.isEmpty()
                ? messages.getMessage("grounds.consent.givers.satisfied", null, locale)
                : english ? refused.get(0).messageEn() : refused.get(0).messageNl();
        return ResponseEntity.ok(new GiverCheck(
                giverRules.ageBands().indexOf(band.get()),
                messages.getMessage(
                        "grounds.consent.givers.applies",
                        new Object[] {english ? band.get().en() : band.get().nl()},
                        locale),
                refused.isEmpty(),
                verdict,
                register,
                registered.map(LocalDate::toString).orElse(null)));
    }

    /** The register's facts on a valid BSN where it is consulted; empty when it is not, or cannot be asked now. */
    private Optional<RegisterFacts> registerFacts(Caller caller, String bsn) {
        if (!consents.checksRegister() || !Bsn.isValid(bsn)) {
            return Optional.empty();
        }
        try {
            return Optional.of(consents.registerFacts(caller, Bsn.of(bsn)));
        } catch (PopulationRegisterException unavailable) {
            return Optional.empty();
        }
    }

    /** The register's facts in a sentence: birth date, age and who holds authority; no names, no BSNs. */
    private String words(RegisterFacts facts, Locale locale) {
        if (!facts.registered()) {
            return messages.getMessage("grounds.consent.register.unknown", null, locale);
        }
        boolean english = PolicyWords.english(locale);
        String authority = english
                ? facts.authority().kind().labelEn()
                : facts.authority().kind().labelNl();
        return messages.getMessage(
                "grounds.consent.register.facts",
                new Object[] {
                    PolicyWords.of(locale, framework).date(facts.birthDate()),
                    facts.age() == null ? "?" : facts.age(),
                    authority
                },
                locale);
    }

    @GetMapping("/search")
    String searchForm(Model model) {
        model.addAttribute("form", new SearchForm(null));
        model.addAttribute("errors", GroundErrors.none());
        return SEARCH;
    }

    @PostMapping("/search")
    String search(
            Caller caller, @ModelAttribute SearchForm form, Model model, Locale locale, HttpServletResponse response) {
        model.addAttribute("form", form);
        model.addAttribute("words", PolicyWords.of(locale, framework));
        try {
            Requests.Search valid = requests.valid(new Requests.Search(new Requests.Subject(form.bsn())));
            Instant now = consents.now();
            model.addAttribute(
                    "consents",
                    consents.search(caller, valid.command()).stream()
                            .map(c -> ConsentView.of(c, now))
                            .toList());
            model.addAttribute("errors", GroundErrors.none());
        } catch (InvalidRequestException invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", GroundErrors.of(invalid, p -> "bsn", List.of("bsn"), messages, locale));
        }
        return SEARCH;
    }

    @GetMapping("/{id}")
    String consent(Caller caller, @PathVariable String id, Model model, Locale locale) {
        ConsentRecord consent = consents.get(caller, Requests.id(id, "consent"));
        return detail(model, locale, consent, new WithdrawalForm(null, null), GroundErrors.none());
    }

    @PostMapping("/{id}/withdrawal")
    String withdraw(
            Caller caller,
            RequestTrace trace,
            @PathVariable String id,
            @ModelAttribute WithdrawalForm form,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes next) {
        UUID consentId = Requests.id(id, "consent");
        try {
            ConsentRecord consent = consents.withdraw(
                    caller, trace, requests.valid(form.request()).command(consentId));
            trace.logged(consent.withdrawal().disclosureId());
            next.addFlashAttribute("withdrawn", true);
            return "redirect:/console/consents/" + consent.id();
        } catch (InvalidRequestException invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return detail(
                    model,
                    locale,
                    consents.get(caller, consentId),
                    form,
                    GroundErrors.of(
                            invalid, WithdrawalForm::field, List.of("withdrawnBy", "reason"), messages, locale));
        }
    }

    private String form(Model model, Locale locale, ConsentForm form, GroundErrors errors) {
        PolicyWords words = PolicyWords.of(locale, framework);
        boolean english = PolicyWords.english(locale);
        Optional<ConsentGiverRules.AgeBand> applies =
                Values.date(form.birthDate()).flatMap(b -> giverRules.ageBand(b, today()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("words", words);
        model.addAttribute("register", consents.checksRegister());
        model.addAttribute(
                "bands",
                giverRules.ageBands().stream()
                        .map(b -> new Band(
                                english ? b.en() : b.nl(),
                                applies.filter(b::equals).isPresent()))
                        .toList());
        model.addAttribute("purposes", choices.consentPurposes(words));
        model.addAttribute("organisations", choices.organisations());
        model.addAttribute("categories", choices.categories(words));
        model.addAttribute("giverRoles", choices.giverRoles(words));
        model.addAttribute("methods", List.of(ConsentRecord.Method.values()));
        model.addAttribute(
                "defaultMonths", framework.consentPolicy().defaultValidity().toTotalMonths());
        return FORM;
    }

    /** An age band of the givers' rules as the form lists it, marked when it is the subject's. */
    record Band(String rule, boolean applies) {}

    private String detail(Model model, Locale locale, ConsentRecord consent, WithdrawalForm form, GroundErrors errors) {
        PolicyWords words = PolicyWords.of(locale, framework);
        ConsentView view = ConsentView.of(consent, consents.now());
        model.addAttribute("consent", view);
        model.addAttribute("withdrawable", WITHDRAWABLE.contains(view.status()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("words", words);
        model.addAttribute("giverRoles", choices.giverRoles(words));
        return DETAIL;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Framework.ZONE));
    }
}
