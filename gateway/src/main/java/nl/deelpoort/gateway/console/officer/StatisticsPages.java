package nl.deelpoort.gateway.console.officer;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.deelpoort.gateway.audit.AuditFilter;
import nl.deelpoort.gateway.audit.Audits;
import nl.deelpoort.gateway.audit.Period;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.gateway.web.validation.RequestValidator;
import nl.deelpoort.policy.Framework;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The organisation's statistics ({@code /console/statistics}), as {@code GET
 * /api/v1/audit/statistics} counts them through the same service (logged first), by default over the
 * last 90 days: decisions and declared overrides over time, refusal reasons, and the other counts of
 * the answer. Every chart is inline SVG with a title and a description and comes with a table of the
 * same figures, for whoever cannot see the picture.
 */
@Controller
record StatisticsPages(Audits audits, RequestValidator requests, Labels labels) {

    static final int DEFAULT_DAYS = 90;

    /** The decisions as the charts stack them, bottom up, with their colour classes. */
    static final List<String> DECISIONS = List.of("PERMIT", "PARTIAL", "DENY");

    static final List<String> DECISION_CSS = List.of("bar-a", "bar-c", "bar-b");

    private static final Map<String, String> FIELDS = FormErrors.sameNames("from", "to");

    record PeriodForm(String from, String to) {}

    /** One interval of time in the tables: its decisions and declared overrides. */
    record IntervalRow(String label, long permit, long partial, long deny, long total, long overrides) {}

    record CountRow(String label, long count) {}

    /** A table of counts under a caption (a message key). */
    record CountTable(String caption, List<CountRow> rows) {}

    record PairRow(String requester, String recipient, long count) {}

    record RateRow(String organisation, long decisions, long denials, String rate) {}

    @GetMapping("/console/statistics")
    String statistics(PeriodForm form, Caller caller, RequestTrace trace, Locale locale, Model model) {
        LocalDate today = LocalDate.now(Framework.ZONE);
        PeriodForm shown = new PeriodForm(
                blank(form.from())
                        ? today.minusDays(DEFAULT_DAYS - 1).toString()
                        : form.from().strip(),
                blank(form.to()) ? today.toString() : form.to().strip());
        Period.Closed period = new Period.Closed(shown.from(), shown.to());
        FormErrors errors = FormErrors.of(requests.problems(period), FIELDS);
        model.addAttribute("form", shown);
        model.addAttribute("errors", errors);
        if (errors.any()) {
            return "console/officer/statistics";
        }
        Audits.StatisticsResponse s =
                audits.statistics(caller, trace, AuditFilter.of(Optional.empty(), period.start(), period.end()));
        String unit = s.overTime().unit();
        List<Audits.Interval> intervals = s.overTime().intervals();
        List<String> shortLabels = intervals.stream()
                .map(i -> intervalLabel(unit, i.from(), locale, true))
                .toList();
        model.addAttribute("period", labels.period(s.from(), s.to(), locale));
        model.addAttribute("unit", unit);
        model.addAttribute("disclosureId", s.disclosureId());
        model.addAttribute(
                "intervals",
                intervals.stream()
                        .map(i -> new IntervalRow(
                                intervalLabel(unit, i.from(), locale, false),
                                i.byDecision().getOrDefault("PERMIT", 0L),
                                i.byDecision().getOrDefault("PARTIAL", 0L),
                                i.byDecision().getOrDefault("DENY", 0L),
                                i.byDecision().values().stream()
                                        .mapToLong(Long::longValue)
                                        .sum(),
                                i.overridesDeclared()))
                        .toList());
        model.addAttribute(
                "decisionsChart",
                Charts.stacked(
                        shortLabels,
                        intervals.stream()
                                .map(i -> DECISIONS.stream()
                                        .map(d -> i.byDecision().getOrDefault(d, 0L))
                                        .toList())
                                .toList(),
                        DECISION_CSS));
        model.addAttribute(
                "overridesChart",
                Charts.stacked(
                        shortLabels,
                        intervals.stream()
                                .map(i -> List.of(i.overridesDeclared()))
                                .toList(),
                        List.of("bar-c")));
        List<CountRow> reasons = rows(s.byReasonCode(), code -> labels.reason(code, locale));
        model.addAttribute("reasons", reasons);
        model.addAttribute(
                "reasonsChart",
                Charts.horizontal(
                        reasons.stream().map(CountRow::label).toList(),
                        reasons.stream().map(CountRow::count).toList(),
                        "bar-b"));
        model.addAttribute(
                "decisionsKey",
                List.of(
                        new Option(DECISION_CSS.get(0), labels.decision(DECISIONS.get(0), locale)),
                        new Option(DECISION_CSS.get(1), labels.decision(DECISIONS.get(1), locale)),
                        new Option(DECISION_CSS.get(2), labels.decision(DECISIONS.get(2), locale))));
        model.addAttribute(
                "tables",
                List.of(
                        new CountTable(
                                "officer.statistics.byDecision",
                                rows(s.byDecision(), code -> labels.decision(code, locale))),
                        new CountTable(
                                "officer.statistics.byKind", rows(s.byKind(), code -> labels.kind(code, locale))),
                        new CountTable(
                                "officer.statistics.byPurpose",
                                rows(s.byPurpose(), code -> labels.purpose(code, locale))),
                        new CountTable(
                                "officer.statistics.byLegalBasis",
                                rows(s.byLegalBasis(), code -> labels.legalBasis(code, locale)))));
        model.addAttribute(
                "verdicts", rows(s.overrides().verdicts(), code -> labels.message("officer.verdict." + code, locale)));
        model.addAttribute("overrides", s.overrides());
        model.addAttribute("consents", s.consents());
        model.addAttribute(
                "pairs",
                s.byOrganisationPair().stream()
                        .map(p -> new PairRow(
                                labels.organisation(p.requester()), labels.organisation(p.recipient()), p.count()))
                        .toList());
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        percent.setMaximumFractionDigits(1);
        model.addAttribute(
                "rates",
                s.denialRates().stream()
                        .map(r -> new RateRow(
                                labels.organisation(r.organisation()),
                                r.decisions(),
                                r.denials(),
                                percent.format(r.denialRate())))
                        .toList());
        return "console/officer/statistics";
    }

    /**
     * An interval by its first day: a day or week by its date ("week van 3 sep."), a month by name and
     * year, a year by its number. Short for a chart's axis, in full for a table.
     */
    String intervalLabel(String unit, Instant from, Locale locale, boolean brief) {
        Locale language = "en".equals(locale.getLanguage()) ? Locale.UK : Locale.forLanguageTag("nl-NL");
        LocalDate day = LocalDate.ofInstant(from, Framework.ZONE);
        String pattern = switch (unit) {
            case "YEAR" -> "yyyy";
            case "MONTH" -> brief ? "MMM yyyy" : "MMMM yyyy";
            default -> brief ? "d MMM" : "d MMMM yyyy";
        };
        String text = DateTimeFormatter.ofPattern(pattern, language).format(day);
        return unit.equals("WEEK") && !brief ? labels.message("officer.statistics.week", locale, text) : text;
    }

    private static List<CountRow> rows(Map<String, Long> counts, Function<String, String> label) {
        return counts.entrySet().stream()
                .map(e -> new CountRow(label.apply(e.getKey()), e.getValue()))
                .toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
