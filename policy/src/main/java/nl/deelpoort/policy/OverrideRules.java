package nl.deelpoort.policy;

import static nl.deelpoort.policy.Verdict.ALLOWED;
import static nl.deelpoort.policy.Verdict.refused;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.deelpoort.policy.Verdict.Rule;

/**
 * Whether a safety override may be declared as proposed (docs/domain.md, Legal grounds): by an
 * allowed kind of organisation, with a written justification, a valid risk level, within the maximum
 * duration, and only by the organisation that will share the data, for recipients and categories
 * that some overridable flow covers. The rules are small functions read top to bottom; all their
 * refusals are returned at once so the professional can fix them in one go.
 *
 * <p>For the gateway: {@link #checkDeclarer} answers whether the organisation may declare at all
 * (a refusal there is about who asks: 403); {@link #violations} names every field of the proposal
 * that breaks a rule (422). {@link #check} is the same judgement as a plain list of reasons.
 */
public final class OverrideRules {
    private static final Text PROPOSAL = Wording.of("OVERRIDE_SCOPE.proposal");
    private static final Text NOTHING_NAMED = Wording.of("OVERRIDE_SCOPE.nothingNamed");
    private static final Text NO_OVERRIDABLE_FLOW = Wording.of("OVERRIDE_SCOPE.noFlow");
    private static final Text OUTSIDE_THE_FLOWS = Wording.of("OVERRIDE_SCOPE.outside");

    /** A proposal with its declaring organisation found in the framework. */
    private record Declaration(OverrideProposal proposal, Organisation declarer, Framework framework) {
        OverridePolicy policy() {
            return framework.overridePolicy();
        }
    }

    /** A rule and the field of the request its refusals are about. */
    private record FieldRule(String field, Rule<Declaration> rule) {}

    private static final List<FieldRule> PROPOSAL_RULES = List.of(
            new FieldRule("justification", OverrideRules::justifiedInWriting),
            new FieldRule("riskLevel", OverrideRules::aKnownRiskLevel),
            new FieldRule("durationHours", OverrideRules::withinTheMaximumDuration),
            new FieldRule("recipients", OverrideRules::onlyWhatOverridableFlowsCover));

    private final Framework framework;

    public OverrideRules(Framework framework) {
        this.framework = Objects.requireNonNull(framework, "framework");
    }

    /** @return empty when the override may be declared, else the reasons why not */
    public List<Reason> check(OverrideProposal proposal) {
        Optional<Organisation> declarer = framework.organisation(proposal.declaringOrganisation());
        if (declarer.isEmpty()) {
            return List.of(unknown(proposal.declaringOrganisation()));
        }
        Declaration d = new Declaration(proposal, declarer.get(), framework);
        List<Reason> reasons = new ArrayList<>(reasons(aKindThatMayDeclare(declarer.get(), d.policy())));
        for (FieldRule rule : PROPOSAL_RULES) {
            reasons.addAll(reasons(rule.rule().check(d)));
        }
        return List.copyOf(reasons);
    }

    /**
     * Whether this organisation may declare a safety override at all: it must be in the framework and
     * of a kind the override policy names.
     *
     * @return empty when it may; else one violation of field {@code ""} ({@code UNKNOWN_ORGANISATION}
     *     or {@code OVERRIDE_DECLARER_NOT_ALLOWED})
     */
    public List<Violation> checkDeclarer(OrganisationId declarer) {
        Optional<Organisation> organisation = framework.organisation(declarer);
        List<Violation> found = new ArrayList<>(1);
        Violation.add(
                found,
                "",
                organisation.isEmpty()
                        ? refused(unknown(declarer))
                        : aKindThatMayDeclare(organisation.get(), framework.overridePolicy()));
        return List.copyOf(found);
    }

    /**
     * Every rule the proposal breaks, on the field of the gateway's request it is about, in this
     * order: {@code justification}, {@code riskLevel}, {@code durationHours} (the framework's maximum),
     * {@code recipients} (unknown organisations and what no overridable flow covers, recipients
     * sorted), {@code durationHours} again when within the framework's maximum but over {@code
     * localMaximum}, then {@code recipients[i]} for each recipient the declarer does not share with
     * (itself, or one no overridable flow of the purpose reaches from the declarer as holder); {@code
     * i} follows the iteration order of {@link OverrideProposal#recipients()}. When the declarer may
     * not declare at all, only {@link #checkDeclarer}'s answer.
     *
     * @param localMaximum this installation's maximum duration, at most the framework's
     */
    public List<Violation> violations(OverrideProposal proposal, Duration localMaximum) {
        List<Violation> found = new ArrayList<>(checkDeclarer(proposal.declaringOrganisation()));
        if (!found.isEmpty()) {
            return List.copyOf(found);
        }
        Declaration d = new Declaration(
                proposal,
                framework.organisation(proposal.declaringOrganisation()).orElseThrow(),
                framework);
        for (FieldRule rule : PROPOSAL_RULES) {
            Violation.add(found, rule.field(), rule.rule().check(d));
        }
        Violation.add(found, "durationHours", withinTheLocalMaximum(d, localMaximum));
        Violation.each(found, "recipients", proposal.recipients(), recipient -> declarerSharesWith(d, recipient));
        return List.copyOf(found);
    }

    // ---- the rules ----

    private static Verdict aKindThatMayDeclare(Organisation declarer, OverridePolicy policy) {
        if (policy.declaringKinds().contains(declarer.kind())) {
            return ALLOWED;
        }
        return refused(ReasonCode.OVERRIDE_DECLARER_NOT_ALLOWED.reason(
                "kind", declarer.kind(), "kinds", policy.declaringKinds()));
    }

    private static Verdict justifiedInWriting(Declaration d) {
        int length = d.proposal().justification().strip().length();
        int min = d.policy().minJustificationLength();
        return length < min
                ? refused(ReasonCode.OVERRIDE_JUSTIFICATION_TOO_SHORT.reason("min", min, "length", length))
                : ALLOWED;
    }

    private static Verdict aKnownRiskLevel(Declaration d) {
        RiskLevel level = d.proposal().riskLevel();
        Set<RiskLevel> levels = d.policy().riskLevels();
        return level == null || !levels.contains(level)
                ? refused(ReasonCode.OVERRIDE_RISK_LEVEL_INVALID.reason("levels", levels))
                : ALLOWED;
    }

    private static Verdict withinTheMaximumDuration(Declaration d) {
        return withinDuration(d, d.policy().maxDuration());
    }

    /** A narrower maximum of the installation; when the framework's maximum already refuses, that says it. */
    private static Verdict withinTheLocalMaximum(Declaration d, Duration localMaximum) {
        if (withinTheMaximumDuration(d) instanceof Verdict.Refused) {
            return ALLOWED;
        }
        return withinDuration(d, localMaximum);
    }

    private static Verdict withinDuration(Declaration d, Duration max) {
        Duration duration = d.proposal().duration();
        if (!duration.isNegative() && !duration.isZero() && duration.compareTo(max) <= 0) {
            return ALLOWED;
        }
        return refused(ReasonCode.OVERRIDE_DURATION_INVALID.reason("max", max.toHours(), "hours", duration.toHours()));
    }

    /**
     * Each recipient must be reachable by an overridable flow for the purpose in which the declarer
     * is the holder, and the categories must be named by such flows: an override never creates a
     * flow or widens one.
     */
    private static Verdict onlyWhatOverridableFlowsCover(Declaration d) {
        OverrideProposal p = d.proposal();
        if (p.recipients().isEmpty() || p.categories().isEmpty()) {
            return refused(scope(NOTHING_NAMED));
        }
        List<Reason> reasons = new ArrayList<>();
        for (OrganisationId recipientId : p.recipients().stream().sorted().toList()) {
            Optional<Organisation> recipient = d.framework().organisation(recipientId);
            if (recipient.isEmpty()) {
                reasons.add(unknown(recipientId));
                continue;
            }
            Set<Category> covered = overridableCategories(d, recipient.get());
            if (covered.isEmpty()) {
                reasons.add(scope(NO_OVERRIDABLE_FLOW.fill("purpose", p.purpose(), "recipient", recipientId)));
                continue;
            }
            Set<Category> outside = EnumSet.noneOf(Category.class);
            for (Category category : p.categories()) {
                if (!covered.contains(category)) {
                    outside.add(category);
                }
            }
            if (!outside.isEmpty()) {
                reasons.add(scope(OUTSIDE_THE_FLOWS.fill(
                        "categories", outside,
                        "recipient", recipientId,
                        "purpose", p.purpose(),
                        "covered", covered)));
            }
        }
        return reasons.isEmpty() ? ALLOWED : new Verdict.Refused(List.copyOf(reasons));
    }

    /** The organisation that will share declares: never one asking for the data itself. */
    private static Verdict declarerSharesWith(Declaration d, OrganisationId recipientId) {
        if (recipientId.equals(d.declarer().id())) {
            return refused(ReasonCode.OVERRIDE_FOR_OWN_ORGANISATION.reason());
        }
        Optional<Organisation> recipient = d.framework().organisation(recipientId);
        if (recipient.isPresent() && overridableCategories(d, recipient.get()).isEmpty()) {
            return refused(ReasonCode.OVERRIDE_DECLARER_NOT_HOLDER.reason(
                    "organisation",
                    d.declarer().id(),
                    "purpose",
                    d.proposal().purpose().name()));
        }
        return ALLOWED;
    }

    /**
     * What overridable flows of the purpose let the declarer, as holder, share with this recipient;
     * nothing when the recipient is the declarer itself.
     */
    private static Set<Category> overridableCategories(Declaration d, Organisation recipient) {
        Set<Category> covered = EnumSet.noneOf(Category.class);
        if (recipient.id().equals(d.declarer().id())) {
            return covered;
        }
        for (Flow flow : d.framework().flows()) {
            if (flow.overridable()
                    && flow.purpose() == d.proposal().purpose()
                    && flow.holder().includes(d.declarer())
                    && flow.recipient().includes(recipient)) {
                covered.addAll(flow.categories());
            }
        }
        return covered;
    }

    private static Reason scope(Text detail) {
        return ReasonCode.OVERRIDE_SCOPE.reason("override", PROPOSAL, "detail", detail);
    }

    private static Reason unknown(OrganisationId organisation) {
        return ReasonCode.UNKNOWN_ORGANISATION.reason("organisation", organisation);
    }

    private static List<Reason> reasons(Verdict verdict) {
        return verdict instanceof Verdict.Refused refused ? refused.reasons() : List.of();
    }
}
