package nl.deelpoort.gateway.console.officer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.deelpoort.policy.Agreement;
import nl.deelpoort.policy.Flow;
import nl.deelpoort.policy.FlowSide;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.Labelled;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.ProcessingRegister;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The framework in force ({@code /console/framework}) and the AVG art. 30 register derived from it
 * ({@code /console/framework/register}), for anyone logged in: what {@code GET /api/v1/agreements} and
 * {@code GET /api/v1/register} answer, read from the same framework and register, in words.
 */
@Controller
record FrameworkPages(Framework framework, Labels labels) {

    record OrganisationRow(String name, String id, String kind, String roles) {}

    record AgreementRow(
            String title,
            String id,
            int version,
            List<String> parties,
            String valid,
            String retention,
            String source) {}

    record FlowRow(
            String id,
            String purpose,
            String holder,
            String recipient,
            String categories,
            String legalBasis,
            List<String> conditions,
            String agreement,
            String source) {}

    record ProcessingRow(
            String flow,
            String agreement,
            String controllers,
            String processors,
            String purpose,
            String legalBasis,
            String categories,
            String special,
            String recipients,
            String retention,
            String source) {}

    @GetMapping("/console/framework")
    String framework(Locale locale, Model model) {
        model.addAttribute("policyVersion", framework.policyVersion());
        model.addAttribute("source", framework.source());
        model.addAttribute(
                "organisations",
                framework.organisations().stream()
                        .map(o -> new OrganisationRow(
                                o.name(),
                                o.id().value(),
                                labels.organisationKind(o.kind(), locale),
                                words(o.actingRoles(), locale)))
                        .toList());
        model.addAttribute(
                "agreements",
                framework.agreements().stream().map(a -> agreement(a, locale)).toList());
        model.addAttribute(
                "flows", framework.flows().stream().map(f -> flow(f, locale)).toList());
        model.addAttribute("consent", framework.consentPolicy());
        model.addAttribute("override", framework.overridePolicy());
        model.addAttribute(
                "overrideMaxHours", framework.overridePolicy().maxDuration().toHours());
        model.addAttribute("declaringKinds", words(framework.overridePolicy().declaringKinds(), locale));
        return "console/officer/framework";
    }

    @GetMapping("/console/framework/register")
    String register(Locale locale, Model model) {
        ProcessingRegister register = ProcessingRegister.of(framework, LocalDate.now(Framework.ZONE));
        model.addAttribute("policyVersion", register.policyVersion());
        model.addAttribute("on", labels.day(register.on(), locale));
        model.addAttribute(
                "processings",
                register.processings().stream()
                        .map(p -> new ProcessingRow(
                                p.flowId(),
                                labels.message(
                                        "officer.framework.agreementVersion",
                                        locale,
                                        p.agreementTitle(),
                                        p.agreementVersion()),
                                names(p.controllers()),
                                names(concat(p.processors(), p.subProcessors())),
                                labels.label(p.purpose(), locale),
                                labels.label(p.legalBasis(), locale),
                                labels.categories(p.categories(), locale),
                                p.specialCategories().isEmpty()
                                        ? null
                                        : labels.categories(p.specialCategories(), locale),
                                names(p.recipients()),
                                labels.period(p.retention(), locale),
                                p.source()))
                        .toList());
        return "console/officer/register";
    }

    private AgreementRow agreement(Agreement a, Locale locale) {
        return new AgreementRow(
                a.title(),
                a.id(),
                a.version(),
                a.parties().stream()
                        .map(p -> labels.message(
                                "officer.framework.party",
                                locale,
                                labels.organisation(p.organisation().value()),
                                labels.message("officer.gdpr." + p.role().name(), locale)))
                        .toList(),
                a.validUntil() == null
                        ? labels.message("officer.framework.validFrom", locale, labels.day(a.validFrom(), locale))
                        : labels.message(
                                "officer.framework.validFromUntil",
                                locale,
                                labels.day(a.validFrom(), locale),
                                labels.day(a.validUntil(), locale)),
                labels.period(a.retention(), locale),
                a.source());
    }

    private FlowRow flow(Flow f, Locale locale) {
        List<String> conditions = new ArrayList<>();
        if (f.consentRequired()) {
            conditions.add(labels.message("officer.framework.consentRequired", locale));
        }
        if (f.overridable()) {
            conditions.add(labels.message("officer.framework.overridable", locale));
        }
        if (f.needsMeasure()) {
            conditions.add(labels.message("officer.framework.needsMeasure", locale));
        }
        if (f.confidential()) {
            conditions.add(labels.message("officer.framework.confidential", locale));
        }
        if (f.noIdentifyingCategories()) {
            conditions.add(labels.message("officer.framework.noIdentifying", locale));
        }
        return new FlowRow(
                f.id(),
                labels.label(f.purpose(), locale),
                side(f.holder(), locale),
                side(f.recipient(), locale),
                labels.categories(f.categories(), locale),
                labels.label(f.legalBasis(), locale),
                conditions,
                f.agreementId(),
                f.source());
    }

    /** A side of a flow: its kinds and named organisations, and the roles they must act in. */
    private String side(FlowSide side, Locale locale) {
        List<String> who = new ArrayList<>();
        side.kinds().forEach(k -> who.add(labels.organisationKind(k, locale)));
        side.ids().stream().map(id -> labels.organisation(id.value())).sorted().forEach(who::add);
        String parties = String.join(", ", who);
        return side.roles().isEmpty()
                ? parties
                : labels.message("officer.framework.side", locale, parties, words(side.roles(), locale));
    }

    private String words(Collection<? extends Labelled> values, Locale locale) {
        return values.stream().map(v -> labels.label(v, locale)).collect(Collectors.joining(", "));
    }

    private String names(List<OrganisationId> ids) {
        return ids.stream().map(id -> labels.organisation(id.value())).collect(Collectors.joining(", "));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
