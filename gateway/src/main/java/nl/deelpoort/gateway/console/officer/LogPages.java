package nl.deelpoort.gateway.console.officer;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.deelpoort.gateway.audit.AuditRequests;
import nl.deelpoort.gateway.audit.Audits;
import nl.deelpoort.gateway.logstore.CheckpointInclusion;
import nl.deelpoort.gateway.logstore.LogEntries;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.gateway.web.validation.RequestValidator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The organisation's disclosure log ({@code /console/log}): the search of {@code POST
 * /api/v1/audit/disclosures/search} with its filters and pages, through the same service (every
 * search is itself logged first), and one entry in full ({@code /console/log/{seq}}, as {@code GET
 * /api/v1/log/entries/{seq}}) with its inclusion in the latest signed checkpoint verified here.
 *
 * <p>Filters that are not personal data travel in the address (a GET, so a search can be kept and
 * shared); a search by BSN is a POST and its pages are too, so the BSN never reaches an address.
 */
@Controller
record LogPages(
        Audits audits,
        LogEntries entries,
        CheckpointInclusion inclusion,
        RequestValidator requests,
        Labels labels,
        Choices choices) {

    @GetMapping("/console/log")
    String log(LogForm form, Caller caller, RequestTrace trace, Locale locale, Model model) {
        return search(form.withoutSubject(), caller, trace, locale, model);
    }

    /** The form's target: with a BSN the search runs here; without one it moves to the address. */
    @PostMapping("/console/log")
    String logOfSubject(LogForm form, Caller caller, RequestTrace trace, Locale locale, Model model) {
        if (!form.hasSubject()) {
            return "redirect:" + form.query();
        }
        return search(form, caller, trace, locale, model);
    }

    /**
     * One entry in full. An entry the organisation is no party to, and a number the log does not have,
     * answer alike: not found (the API shows the first as a redacted leaf, which says nothing either).
     */
    @GetMapping("/console/log/{seq}")
    String entry(@PathVariable String seq, Caller caller, Locale locale, Model model, HttpServletResponse response) {
        Optional<LogEntries.Full> found = number(seq)
                .flatMap(n -> entries.entry(n, caller))
                .filter(LogEntries.Full.class::isInstance)
                .map(LogEntries.Full.class::cast);
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "console/officer/entry-missing";
        }
        LogEntries.Full e = found.get();
        model.addAttribute("entry", EntryDetail.of(e.entry(), e.leafHash(), labels, locale));
        model.addAttribute("inclusion", InclusionView.check(inclusion, e.seq(), e.canonical(), labels, locale));
        return "console/officer/entry";
    }

    private String search(LogForm form, Caller caller, RequestTrace trace, Locale locale, Model model) {
        Optional<Integer> page = count(form.page());
        Optional<Integer> size = count(form.size());
        Optional<Long> before = number(form.beforeSeq());
        AuditRequests.SearchRequest request = form.request(page.orElse(null), size.orElse(null), before.orElse(null));
        List<InvalidField> problems = new ArrayList<>(requests.problems(request));
        if (problems.isEmpty() && request.tooDeep()) {
            problems.add(new InvalidField("page", "too deep"));
        }
        FormErrors errors = FormErrors.of(problems, LogForm.FIELDS);
        if (form.page() != null && page.isEmpty()) {
            errors = errors.and("page");
        }
        if (form.size() != null && size.isEmpty()) {
            errors = errors.and("size");
        }
        if (form.beforeSeq() != null && before.isEmpty()) {
            errors = errors.and("page");
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("defaultSize", AuditRequests.DEFAULT_SIZE);
        model.addAttribute("maxDepth", AuditRequests.MAX_DEPTH);
        model.addAttribute("purposes", choices.purposes(locale));
        model.addAttribute("kinds", choices.kinds(locale));
        model.addAttribute("decisions", choices.decisions(locale));
        model.addAttribute("reasonCodes", choices.reasonCodes(locale));
        model.addAttribute("legalBases", choices.legalBases(locale));
        model.addAttribute("organisations", choices.organisations());
        if (errors.any()) {
            return "console/officer/log";
        }
        Audits.SearchResponse found = audits.search(caller, trace, request.command());
        Pager pager =
                Pager.of(found.page(), found.size(), found.hits().size(), found.hasMore(), AuditRequests.MAX_DEPTH);
        model.addAttribute(
                "rows",
                found.hits().stream().map(h -> EntryRow.of(h, labels, locale)).toList());
        model.addAttribute("pager", pager);
        model.addAttribute("disclosureId", found.disclosureId());
        model.addAttribute("checkpoint", found.checkpoint());
        // Later pages keep to the log as the first page saw it: entries logged since shift nothing.
        long anchor = before.orElse(found.disclosureId());
        model.addAttribute("anchor", anchor);
        if (!form.hasSubject()) {
            model.addAttribute(
                    "previousUrl", form.atPage(pager.page() - 1, anchor).query());
            model.addAttribute("nextUrl", form.atPage(pager.page() + 1, anchor).query());
        }
        return "console/officer/log";
    }

    /** A whole number as typed; empty when it is none (letters, a sign, or too long to be one). */
    static Optional<Long> number(String text) {
        if (text == null || !text.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }

    /** A page number or size as typed: a whole number that fits an int. */
    static Optional<Integer> count(String text) {
        return number(text).filter(n -> n <= Integer.MAX_VALUE).map(Math::toIntExact);
    }
}
