package nl.deelpoort.policy;

import static nl.deelpoort.policy.Verdict.ALLOWED;
import static nl.deelpoort.policy.Verdict.refused;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a consent may be recorded for, and by whom (docs/domain.md, Legal grounds). Consent only
 * means something where a flow asks for it: each purpose, recipient, holder and category must be
 * covered by a consent-based flow for the purposes asked, since a consent never widens a flow. And
 * the organisation that records it must take part in every exchange it covers, so that no
 * organisation authorises an exchange between two others: it is the only recipient (it asks for the
 * data, from the holders named or from any holder), or the only holder named (it shares its own
 * data). A consent with no holders covers every holder, so only its recipient may record it.
 *
 * <p>{@link #violations} answers with the field of the gateway's request each broken rule is about:
 * {@code purposes[i]}, {@code recipients[i]}, {@code holders[i]}, {@code categories[i]} ({@code i}
 * in the iteration order of the set given), and only when those are all fine, the recorder's place:
 * {@code holders} when it could share the data itself or named itself as a holder, else {@code
 * recipients}.
 */
public final class ConsentScopeRules {
    private static final Text NO_FLOW_TO = Wording.of("CONSENT_WIDER_THAN_FLOWS.recipient");
    private static final Text NO_FLOW_FROM = Wording.of("CONSENT_WIDER_THAN_FLOWS.holder");
    private static final Text NO_FLOW_RELEASES = Wording.of("CONSENT_WIDER_THAN_FLOWS.category");

    /** What a consent would cover, with the consent-based flows for its purposes. */
    private record Scope(
            Framework framework,
            OrganisationId recorder,
            Set<Purpose> purposes,
            Set<OrganisationId> recipients,
            Set<OrganisationId> holders,
            List<Flow> flows) {

        Optional<Organisation> recorderInFramework() {
            return framework.organisation(recorder);
        }

        boolean includes(FlowSide side, OrganisationId id) {
            return framework.organisation(id).map(side::includes).orElse(false);
        }
    }

    private final Framework framework;

    public ConsentScopeRules(Framework framework) {
        this.framework = Objects.requireNonNull(framework, "framework");
    }

    /**
     * @param recorder the organisation that records the consent
     * @param holders empty for any holder
     * @return empty when the consent may be recorded with this scope by this organisation
     */
    public List<Violation> violations(
            OrganisationId recorder,
            Set<Purpose> purposes,
            Set<OrganisationId> recipients,
            Set<OrganisationId> holders,
            Set<Category> categories) {
        List<Flow> flows = framework.flows().stream()
                .filter(Flow::consentRequired)
                .filter(flow -> purposes.contains(flow.purpose()))
                .toList();
        Scope s = new Scope(framework, recorder, purposes, recipients, holders, flows);
        List<Violation> found = new ArrayList<>();
        Violation.each(found, "purposes", purposes, purpose -> aFlowAsksConsentFor(s, purpose));
        Violation.each(found, "recipients", recipients, recipient -> aConsentFlowReaches(s, recipient));
        Violation.each(found, "holders", holders, holder -> aConsentFlowStartsAt(s, holder));
        Violation.each(found, "categories", categories, category -> aConsentFlowReleases(s, category));
        if (found.isEmpty()) {
            // Name the field the recorder can fix: the holders if it could share the data itself.
            String field = couldShare(s) || holders.contains(recorder) ? "holders" : "recipients";
            Violation.add(found, field, theRecorderTakesPart(s));
        }
        return List.copyOf(found);
    }

    // ---- the rules ----

    private static Verdict aFlowAsksConsentFor(Scope s, Purpose purpose) {
        return s.flows().stream().anyMatch(flow -> flow.purpose() == purpose)
                ? ALLOWED
                : refused(ReasonCode.CONSENT_NOT_ASKED.reason("purpose", purpose.name()));
    }

    private static Verdict aConsentFlowReaches(Scope s, OrganisationId recipient) {
        if (s.framework().organisation(recipient).isEmpty()) {
            return refused(ReasonCode.UNKNOWN_ORGANISATION.reason("organisation", recipient));
        }
        return s.flows().stream().anyMatch(flow -> s.includes(flow.recipient(), recipient))
                ? ALLOWED
                : wider(s, NO_FLOW_TO.fill("organisation", recipient));
    }

    private static Verdict aConsentFlowStartsAt(Scope s, OrganisationId holder) {
        if (s.framework().organisation(holder).isEmpty()) {
            return refused(ReasonCode.UNKNOWN_ORGANISATION.reason("organisation", holder));
        }
        return s.flows().stream().anyMatch(flow -> s.includes(flow.holder(), holder))
                ? ALLOWED
                : wider(s, NO_FLOW_FROM.fill("organisation", holder));
    }

    private static Verdict aConsentFlowReleases(Scope s, Category category) {
        return s.flows().stream().anyMatch(flow -> flow.names(category))
                ? ALLOWED
                : wider(s, NO_FLOW_RELEASES.fill("category", category.name()));
    }

    /** The recorder is the only recipient, or the only holder named, under a consent-based flow. */
    private static Verdict theRecorderTakesPart(Scope s) {
        Optional<Organisation> own = s.recorderInFramework();
        boolean soleRecipient = own.isPresent()
                && s.recipients().equals(Set.of(s.recorder()))
                && s.flows().stream()
                        .anyMatch(flow -> flow.recipient().includes(own.get())
                                && (s.holders().isEmpty()
                                        || s.holders().stream().anyMatch(h -> s.includes(flow.holder(), h))));
        boolean soleHolder = s.holders().equals(Set.of(s.recorder())) && couldShare(s);
        if (soleRecipient || soleHolder) {
            return ALLOWED;
        }
        return refused(ReasonCode.CONSENT_RECORDER_NOT_A_PARTY.reason("organisation", s.recorder()));
    }

    /** Some consent-based flow has the recorder as holder towards one of the recipients. */
    private static boolean couldShare(Scope s) {
        Optional<Organisation> own = s.recorderInFramework();
        return own.isPresent()
                && s.flows().stream()
                        .anyMatch(flow -> flow.holder().includes(own.get())
                                && s.recipients().stream().anyMatch(r -> s.includes(flow.recipient(), r)));
    }

    private static Verdict wider(Scope s, Text detail) {
        return refused(ReasonCode.CONSENT_WIDER_THAN_FLOWS.reason(
                "purposes", s.purposes().toString(), "detail", detail));
    }
}
