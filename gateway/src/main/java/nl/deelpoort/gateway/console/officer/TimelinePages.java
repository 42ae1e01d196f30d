package nl.deelpoort.gateway.console.officer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import nl.deelpoort.gateway.audit.AuditRequests;
import nl.deelpoort.gateway.audit.Audits;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.gateway.web.validation.RequestValidator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A subject's timeline ({@code /console/timeline}): the decisions, transfers, receipts and grounds
 * events about one person, oldest first, as far as the officer's organisation took part in them, as
 * {@code POST /api/v1/audit/timeline} answers, through the same service (logged first). The subject is
 * a BSN typed into a POST form, or the reference a sample or a review showed ({@code
 * /console/timeline/reference}, a POST too); the page never shows the BSN back outside its field.
 */
@Controller
record TimelinePages(Audits audits, RequestValidator requests, Labels labels) {

    private static final Map<String, String> FIELDS = fields();

    /** The timeline's question as typed. */
    record TimelineForm(String bsn, String from, String to) {}

    /** A timeline asked by reference, from the sample or the review queue. */
    record ReferenceForm(String reference, String from, String to) {}

    @GetMapping("/console/timeline")
    String ask(Model model) {
        model.addAttribute("form", new TimelineForm(null, null, null));
        model.addAttribute("errors", FormErrors.NONE);
        return "console/officer/timeline";
    }

    @PostMapping("/console/timeline")
    String ofSubject(TimelineForm form, Caller caller, RequestTrace trace, Locale locale, Model model) {
        String bsn = blankless(form.bsn()) == null ? null : form.bsn().replaceAll("[\\s.]", "");
        AuditRequests.TimelineRequest request = new AuditRequests.TimelineRequest(
                bsn == null ? null : new AuditRequests.SubjectRef(bsn), blankless(form.from()), blankless(form.to()));
        FormErrors errors = FormErrors.of(requests.problems(request), FIELDS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if (!errors.any()) {
            show(audits.timeline(caller, trace, request.command()), locale, model);
        }
        return "console/officer/timeline";
    }

    @PostMapping("/console/timeline/reference")
    String ofReference(ReferenceForm form, Caller caller, RequestTrace trace, Locale locale, Model model) {
        AuditRequests.ReferenceTimelineRequest request = new AuditRequests.ReferenceTimelineRequest(
                blankless(form.reference()), blankless(form.from()), blankless(form.to()));
        model.addAttribute("form", new TimelineForm(null, form.from(), form.to()));
        model.addAttribute("errors", FormErrors.NONE);
        // The reference comes from a button, not from typing: a broken one is a request nobody made by hand.
        requests.valid(request);
        model.addAttribute("reference", request.reference());
        show(audits.timeline(caller, trace, request.command()), locale, model);
        return "console/officer/timeline";
    }

    private void show(Audits.TimelineResponse timeline, Locale locale, Model model) {
        model.addAttribute(
                "events",
                timeline.events().stream()
                        .map(h -> EntryRow.of(h, labels, locale))
                        .toList());
        model.addAttribute("known", timeline.subjectKnown());
        model.addAttribute("truncated", timeline.truncated());
        model.addAttribute("disclosureId", timeline.disclosureId());
    }

    private static Map<String, String> fields() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("subject.bsn", "bsn");
        names.put("subject", "bsn");
        names.put("from", "from");
        names.put("to", "to");
        return names;
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
