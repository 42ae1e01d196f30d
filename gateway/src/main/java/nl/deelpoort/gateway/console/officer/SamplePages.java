package nl.deelpoort.gateway.console.officer;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import nl.deelpoort.gateway.audit.AuditRequests;
import nl.deelpoort.gateway.audit.Audits;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.gateway.web.validation.RequestValidator;
import nl.deelpoort.policy.Framework;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The quarterly sample ({@code /console/sample}): a reproducible random sample of the subjects the
 * organisation processed in a period, as {@code POST /api/v1/audit/sample} draws it, through the same
 * service (logged first). Each subject is shown by its reference and opens into its timeline by a
 * POST of that reference, so no BSN is ever typed or carried. The filters are no personal data, so
 * the form is a GET: the same address draws the same sample again.
 */
@Controller
record SamplePages(Audits audits, RequestValidator requests, Labels labels) {

    static final int DEFAULT_SIZE = 10;
    static final int DEFAULT_DAYS = 90;

    private static final Map<String, String> FIELDS = FormErrors.sameNames("from", "to", "size", "seed");
    private static final String SEED_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The sample's settings as typed. */
    record SampleForm(String from, String to, String size, String seed) {}

    @GetMapping("/console/sample")
    String sample(SampleForm form, Caller caller, RequestTrace trace, Locale locale, Model model) {
        if (form.seed() == null) {
            LocalDate today = LocalDate.now(Framework.ZONE);
            model.addAttribute(
                    "form",
                    new SampleForm(
                            today.minusDays(DEFAULT_DAYS - 1).toString(),
                            today.toString(),
                            Integer.toString(DEFAULT_SIZE),
                            newSeed()));
            model.addAttribute("errors", FormErrors.NONE);
            return "console/officer/sample";
        }
        Integer size = LogPages.count(form.size()).orElse(null);
        AuditRequests.SampleRequest request = new AuditRequests.SampleRequest(
                blankless(form.from()), blankless(form.to()), size, blankless(form.seed()));
        FormErrors errors = FormErrors.of(requests.problems(request), FIELDS);
        if (form.size() != null && !form.size().isBlank() && size == null) {
            errors = errors.and("size");
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if (errors.any()) {
            return "console/officer/sample";
        }
        Audits.SampleResponse drawn = audits.sample(caller, trace, request.command());
        model.addAttribute("subjects", drawn.subjects());
        model.addAttribute("fewer", drawn.subjects().size() < size);
        model.addAttribute("disclosureId", drawn.disclosureId());
        model.addAttribute("period", labels.period(drawn.from(), drawn.to(), locale));
        return "console/officer/sample";
    }

    /** A seed to note down: 10 letters and digits, so never a BSN (which the service refuses anyway). */
    static String newSeed() {
        StringBuilder seed = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            seed.append(SEED_LETTERS.charAt(RANDOM.nextInt(SEED_LETTERS.length())));
        }
        return seed.toString();
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
