package nl.deelpoort.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a safety override may be declared as proposed (DOMAIN §5): by an allowed kind of
 * organisation, with a written justification, a valid risk level, within the maximum duration,
 * and only for recipients and categories that some overridable flow covers. All problems are
 * returned at once so the professional can fix them in one go.
 */
public final class OverrideRules {
    private final Framework framework;

    public OverrideRules(Framework framework) {
        this.framework = framework;
    }

    /** @return empty when the override may be declared, else the reasons why not */
    public List<Reason> check(OverrideProposal proposal) {
        OverridePolicy policy = framework.overridePolicy();
        Optional<Organisation> declaring = framework.organisation(proposal.declaringOrganisation());
        if (declaring.isEmpty()) {
            return List.of(ReasonCode.UNKNOWN_ORGANISATION.reason("organisation", proposal.declaringOrganisation()));
        }
        List<Reason> reasons = new ArrayList<>();
        Organisation declarer = declaring.get();
        if (!policy.declaringKinds().contains(declarer.kind())) {
            reasons.add(ReasonCode.OVERRIDE_DECLARER_NOT_ALLOWED.reason(
                    "kind", declarer.kind(), "kinds", policy.declaringKinds()));
        }
        int length = proposal.justification().strip().length();
        if (length < policy.minJustificationLength()) {
            reasons.add(ReasonCode.OVERRIDE_JUSTIFICATION_TOO_SHORT.reason(
                    "min", policy.minJustificationLength(), "length", length));
        }
        if (proposal.riskLevel() == null || !policy.riskLevels().contains(proposal.riskLevel())) {
            reasons.add(ReasonCode.OVERRIDE_RISK_LEVEL_INVALID.reason("levels", policy.riskLevels()));
        }
        if (proposal.duration().isNegative()
                || proposal.duration().isZero()
                || proposal.duration().compareTo(policy.maxDuration()) > 0) {
            reasons.add(ReasonCode.OVERRIDE_DURATION_INVALID.reason(
                    "max",
                    policy.maxDuration().toHours(),
                    "hours",
                    proposal.duration().toHours()));
        }
        reasons.addAll(scope(declarer, proposal));
        return List.copyOf(reasons);
    }

    /**
     * Each recipient must be reachable by an overridable flow for the purpose in which the declarer
     * is the holder (it shares) or is that recipient itself (it asks), and the categories must be
     * named by such flows: an override never creates a flow or widens one.
     */
    private List<Reason> scope(Organisation declarer, OverrideProposal proposal) {
        List<Reason> reasons = new ArrayList<>();
        if (proposal.recipients().isEmpty() || proposal.categories().isEmpty()) {
            reasons.add(scopeReason(new Text(
                    "noem ten minste één ontvanger en één categorie", "name at least one recipient and one category")));
            return reasons;
        }
        for (OrganisationId recipientId :
                proposal.recipients().stream().sorted().toList()) {
            Optional<Organisation> recipient = framework.organisation(recipientId);
            if (recipient.isEmpty()) {
                reasons.add(ReasonCode.UNKNOWN_ORGANISATION.reason("organisation", recipientId));
                continue;
            }
            Set<Category> covered = EnumSet.noneOf(Category.class);
            for (Flow flow : framework.flows()) {
                // The organisation that will share declares: never one asking for the data itself.
                boolean declarerShares = flow.holder().includes(declarer) && !recipientId.equals(declarer.id());
                if (flow.overridable()
                        && flow.purpose() == proposal.purpose()
                        && flow.recipient().includes(recipient.get())
                        && declarerShares) {
                    covered.addAll(flow.categories());
                }
            }
            if (covered.isEmpty()) {
                reasons.add(scopeReason(Text.of(
                        "geen stroom voor {purpose} naar {recipient} kan met een doorbraak worden doorbroken",
                        "no flow for {purpose} to {recipient} can be overridden",
                        "purpose",
                        proposal.purpose(),
                        "recipient",
                        recipientId)));
                continue;
            }
            Set<Category> outside = EnumSet.noneOf(Category.class);
            for (Category category : proposal.categories()) {
                if (!covered.contains(category)) {
                    outside.add(category);
                }
            }
            if (!outside.isEmpty()) {
                reasons.add(scopeReason(Text.of(
                        "{categories} mag niet naar {recipient} voor {purpose}, ook niet met een doorbraak (wel:"
                                + " {covered})",
                        "{categories} may not go to {recipient} for {purpose}, not even with an override (allowed:"
                                + " {covered})",
                        "categories",
                        outside,
                        "recipient",
                        recipientId,
                        "purpose",
                        proposal.purpose(),
                        "covered",
                        covered)));
            }
        }
        return reasons;
    }

    private static Reason scopeReason(Text detail) {
        return ReasonCode.OVERRIDE_SCOPE.reason("override", new Text("(voorstel)", "(proposal)"), "detail", detail);
    }
}
