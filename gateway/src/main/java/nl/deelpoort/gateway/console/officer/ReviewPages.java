package nl.deelpoort.gateway.console.officer;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.deelpoort.gateway.grounds.ConsentView;
import nl.deelpoort.gateway.grounds.Consents;
import nl.deelpoort.gateway.grounds.OverrideRecord;
import nl.deelpoort.gateway.grounds.Overrides;
import nl.deelpoort.gateway.grounds.Requests;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.ProblemException;
import nl.deelpoort.gateway.web.ProblemTypes;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.gateway.web.validation.RequestValidator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The override review queue ({@code /console/reviews}): the safety overrides the officer's
 * organisation declared, as {@code GET /api/v1/overrides} lists them (newest first, in pages, never
 * cut off silently), and a verdict with a note, as {@code POST /api/v1/overrides/{id}/review}, through
 * the same service: it refuses an officer who declared the override themself, and a second review.
 */
@Controller
record ReviewPages(Overrides overrides, Consents consents, RequestValidator requests, Labels labels) {

    /**
     * A consent the officer's organisation recorded while the population register could not be asked: a review item
     * beside the overrides (docs/population-register.md). It names no subject, only what was recorded and by whom.
     */
    record UnverifiedConsent(
            String id, String recordedAt, String recordedBy, String givers, String purposes, long disclosureId) {}

    static final int PAGE_SIZE = 20;

    /** The queue's views: the API's review statuses, and all of them. */
    static final List<String> VIEWS = List.of("PENDING_REVIEW", "JUSTIFIED", "UNJUSTIFIED", "ALL");

    /** The review body's fields, which the form names alike. */
    private static final Map<String, String> FIELDS = FormErrors.sameNames("verdict", "note");

    /** A verdict as typed, and the queue's view to return to. */
    record ReviewForm(String verdict, String note, String view, String page) {}

    @GetMapping("/console/reviews")
    String queue(
            @RequestParam(required = false) String view,
            @RequestParam(required = false) String page,
            Caller caller,
            Locale locale,
            Model model) {
        return show(view, page, caller, locale, model);
    }

    @PostMapping("/console/reviews/{id}")
    String review(
            @PathVariable String id,
            ReviewForm form,
            Caller caller,
            RequestTrace trace,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Requests.Review body = new Requests.Review(text(form.verdict()), text(form.note()));
        List<InvalidField> problems = requests.problems(body);
        if (!problems.isEmpty()) {
            model.addAttribute("failedId", id);
            model.addAttribute("failedForm", form);
            model.addAttribute("errors", FormErrors.of(problems, FIELDS, "-" + id));
            return show(form.view(), form.page(), caller, locale, model);
        }
        OverrideRecord reviewed;
        try {
            reviewed = overrides.review(caller, trace, body.command(Requests.id(id, "safety override")));
        } catch (ProblemException refused) {
            model.addAttribute("refusal", refusal(refused));
            return show(form.view(), form.page(), caller, locale, model);
        }
        redirect.addFlashAttribute(
                "reviewedVerdict", reviewed.review().verdict().name());
        redirect.addFlashAttribute("reviewedSeq", reviewed.review().disclosureId());
        return "redirect:" + address(form.view(), form.page());
    }

    private String show(String view, String page, Caller caller, Locale locale, Model model) {
        String shown = view != null && VIEWS.contains(view) ? view : VIEWS.get(0);
        int pageNumber = LogPages.count(page).orElse(0);
        Optional<OverrideRecord.ReviewStatus> status =
                shown.equals("ALL") ? Optional.empty() : Optional.of(OverrideRecord.ReviewStatus.valueOf(shown));
        Overrides.Page found = overrides.list(caller, status, pageNumber, Optional.of(PAGE_SIZE));
        Instant now = overrides.now();
        model.addAttribute(
                "overrides",
                found.overrides().stream()
                        .map(o -> OverrideCard.of(o, now, labels, locale))
                        .toList());
        model.addAttribute(
                "pager",
                Pager.of(found.page(), found.size(), found.overrides().size(), found.hasMore(), Long.MAX_VALUE));
        model.addAttribute("view", shown);
        model.addAttribute("views", VIEWS);
        model.addAttribute(
                "unverified",
                consents.unverified(caller).stream()
                        .map(c -> new UnverifiedConsent(
                                c.id().toString(),
                                labels.time(c.recordedAt(), locale),
                                c.recordedByUser(),
                                ConsentView.of(c, now).givenBy().stream()
                                        .map(g -> labels.label(g.role(), locale))
                                        .collect(java.util.stream.Collectors.joining(", ")),
                                c.purposes().stream()
                                        .map(p -> labels.label(p, locale))
                                        .collect(java.util.stream.Collectors.joining(", ")),
                                c.disclosureId()))
                        .toList());
        model.addAttribute("previousUrl", address(shown, Integer.toString(pageNumber - 1)));
        model.addAttribute("nextUrl", address(shown, Integer.toString(pageNumber + 1)));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.NONE);
        }
        return "console/officer/reviews";
    }

    /** The service's refusals the page expects, in words; anything else goes to the problem page. */
    private static String refusal(ProblemException e) {
        URI type = e.getBody().getType();
        if (ProblemTypes.FORBIDDEN.equals(type)) {
            return "officer.review.refused.self";
        }
        if (ProblemTypes.CONFLICT.equals(type)) {
            return "officer.review.refused.done";
        }
        if (ProblemTypes.NOT_FOUND.equals(type)) {
            return "officer.review.refused.missing";
        }
        throw e;
    }

    private static String address(String view, String page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/console/reviews");
        if (view != null && VIEWS.contains(view)) {
            uri.queryParam("view", view);
        }
        LogPages.count(page).filter(p -> p > 0).ifPresent(p -> uri.queryParam("page", p));
        return uri.encode().build().toUriString();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
