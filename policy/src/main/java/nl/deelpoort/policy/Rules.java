package nl.deelpoort.policy;

import static nl.deelpoort.policy.Verdict.ALLOWED;
import static nl.deelpoort.policy.Verdict.refused;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import nl.deelpoort.policy.Verdict.Ground;

/**
 * The rules of the framework, each a small function returning a {@link Verdict}. The two lists
 * below are the whole policy, read top to bottom; {@link DecisionEngine} applies them in this order
 * and stops at the first refusal.
 */
final class Rules {
    /** About the request as a whole; the first refusal denies everything. */
    interface RequestRule {
        Verdict check(RequestContext c);
    }

    /** About one category under one candidate flow; the first refusal withholds that category. */
    interface CategoryRule {
        Verdict check(FlowContext c, Category category);
    }

    static final List<RequestRule> REQUEST_RULES = List.of(
            Rules::organisationsAreKnown,
            Rules::processorNeverReceives,
            Rules::callerHoldsItsRole,
            Rules::callerIsHolderOrRecipient,
            Rules::holderIsNotRecipient,
            Rules::callerActsInTheRoleOfItsSide,
            Rules::recipientHoldsItsRole,
            Rules::holderHoldsItsRole);

    // Between the two lists the engine finds the flows for purpose, holder, recipient and roles (NO_FLOW).

    static final List<CategoryRule> CATEGORY_RULES = List.of(
            Rules::identifyingOnlyWhereAllowed,
            Rules::namedByFlow,
            Rules::agreementInForce,
            Rules::measureInForce,
            Rules::consentOrOverride);

    // ---- the wording of the rules' parts, in reasons_nl/en.properties ----
    private static final Text HOLDER_SIDE = Wording.of("ROLE_MISMATCH.holder");
    private static final Text RECIPIENT_SIDE = Wording.of("ROLE_MISMATCH.recipient");
    private static final Text NO_FLOW_RECIPIENT_ROLE = Wording.of("NO_FLOW.recipientRole");
    private static final Text NO_FLOW_HOLDER_ROLE = Wording.of("NO_FLOW.holderRole");
    private static final Text NO_FLOW_HOLDER_LACKS_ROLE = Wording.of("NO_FLOW.holderLacksRole");
    private static final Text NO_FLOW_OTHER_PURPOSES = Wording.of("NO_FLOW.otherPurposes");
    private static final Text NO_FLOW_NO_ROUTE = Wording.of("NO_FLOW.noRoute");
    private static final Text AGREEMENT_FROM = Wording.of("AGREEMENT_NOT_IN_FORCE.from");
    private static final Text AGREEMENT_FROM_UNTIL = Wording.of("AGREEMENT_NOT_IN_FORCE.fromUntil");
    private static final Text SPECIAL_CATEGORY = Wording.of("CATEGORY_NOT_IN_FLOW.special");
    private static final Text CONSENT_SCOPE_PURPOSE = Wording.of("CONSENT_SCOPE.purpose");
    private static final Text CONSENT_SCOPE_RECIPIENT = Wording.of("CONSENT_SCOPE.recipient");
    private static final Text CONSENT_SCOPE_HOLDER = Wording.of("CONSENT_SCOPE.holder");
    private static final Text CONSENT_SCOPE_CATEGORY = Wording.of("CONSENT_SCOPE.category");
    private static final Text MEASURE_OTHER_REGISTRAR = Wording.of("MEASURE_MISSING.otherRegistrar");
    private static final Text MEASURE_ENDED = Wording.of("MEASURE_MISSING.ended");
    private static final Text MEASURE_NOT_STARTED = Wording.of("MEASURE_MISSING.notStarted");
    private static final Text MEASURE_RAN_OUT = Wording.of("MEASURE_MISSING.ranOut");
    private static final Text NO_MEASURE = Wording.of("MEASURE_MISSING.none");
    private static final Text OVERRIDE_ENDED = Wording.of("OVERRIDE_EXPIRED.ended");
    private static final Text OVERRIDE_RAN_OUT = Wording.of("OVERRIDE_EXPIRED.expired");
    private static final Text OVERRIDE_NEVER_WIDENS = Wording.of("OVERRIDE_SCOPE.neverWidens");
    private static final Text OVERRIDE_NOT_YET_DECLARED = Wording.of("OVERRIDE_SCOPE.notYetDeclared");
    private static final Text OVERRIDE_SCOPE_PURPOSE = Wording.of("OVERRIDE_SCOPE.purpose");
    private static final Text OVERRIDE_SCOPE_RECIPIENT = Wording.of("OVERRIDE_SCOPE.recipient");
    private static final Text OVERRIDE_SCOPE_DECLARER = Wording.of("OVERRIDE_SCOPE.declarer");
    private static final Text OVERRIDE_SCOPE_CATEGORY = Wording.of("OVERRIDE_SCOPE.category");

    private Rules() {}

    // ---- request rules ----

    static Verdict organisationsAreKnown(RequestContext c) {
        DecisionRequest r = c.request;
        if (c.caller == null) {
            return refused(ReasonCode.UNKNOWN_ORGANISATION.reason(
                    "organisation", r.caller().organisation()));
        }
        if (c.holder == null) {
            return refused(ReasonCode.UNKNOWN_ORGANISATION.reason("organisation", r.holder()));
        }
        if (c.recipient == null) {
            return refused(ReasonCode.UNKNOWN_ORGANISATION.reason("organisation", r.recipient()));
        }
        return ALLOWED;
    }

    static Verdict processorNeverReceives(RequestContext c) {
        return c.recipient.kind() == OrganisationKind.PROCESSOR
                ? refused(ReasonCode.PROCESSOR_CANNOT_RECEIVE.reason("organisation", c.recipient.id()))
                : ALLOWED;
    }

    static Verdict callerHoldsItsRole(RequestContext c) {
        return roleHeld(c.caller, c.request.caller().actingRole());
    }

    static Verdict callerIsHolderOrRecipient(RequestContext c) {
        if (c.callerIsHolder() || c.callerIsRecipient()) {
            return ALLOWED;
        }
        return refused(ReasonCode.NOT_A_PARTY.reason(
                "organisation", c.caller.id(), "holder", c.holder.id(), "recipient", c.recipient.id()));
    }

    static Verdict holderIsNotRecipient(RequestContext c) {
        return c.holder.id().equals(c.recipient.id())
                ? refused(ReasonCode.SAME_ORGANISATION.reason("organisation", c.holder.id()))
                : ALLOWED;
    }

    static Verdict callerActsInTheRoleOfItsSide(RequestContext c) {
        DecisionRequest r = c.request;
        ActingRole acting = r.caller().actingRole();
        if (c.callerIsHolder() && r.holderRole().isPresent() && r.holderRole().get() != acting) {
            return refused(ReasonCode.ROLE_MISMATCH.reason(
                    "role",
                    acting,
                    "side",
                    HOLDER_SIDE,
                    "sideRole",
                    r.holderRole().get()));
        }
        if (c.callerIsRecipient() && r.recipientRole() != acting) {
            return refused(ReasonCode.ROLE_MISMATCH.reason(
                    "role", acting, "side", RECIPIENT_SIDE, "sideRole", r.recipientRole()));
        }
        return ALLOWED;
    }

    static Verdict recipientHoldsItsRole(RequestContext c) {
        return roleHeld(c.recipient, c.request.recipientRole());
    }

    static Verdict holderHoldsItsRole(RequestContext c) {
        return c.holderRole == null ? ALLOWED : roleHeld(c.holder, c.holderRole);
    }

    private static Verdict roleHeld(Organisation organisation, ActingRole role) {
        if (organisation.holds(role)) {
            return ALLOWED;
        }
        return refused(ReasonCode.ROLE_NOT_HELD.reason(
                "organisation", organisation.id(), "role", role, "roles", organisation.actingRoles()));
    }

    // ---- finding a flow ----

    /** Whether a flow found for purpose, holder and recipient also accepts the roles of this request. */
    static boolean rolesFit(RequestContext c, Flow flow) {
        if (!flow.recipient().accepts(c.request.recipientRole())) {
            return false;
        }
        if (c.holderRole != null) {
            return flow.holder().accepts(c.holderRole);
        }
        for (ActingRole role : c.holder.actingRoles()) {
            if (flow.holder().accepts(role)) {
                return true;
            }
        }
        return false;
    }

    /** NO_FLOW, saying what is closest: a flow for which a role is wrong, or the purposes that do exist. */
    static Reason noFlow(RequestContext c, List<Flow> sameRoute, Set<Purpose> purposesOnRoute) {
        DecisionRequest r = c.request;
        Text why;
        if (!sameRoute.isEmpty()) {
            List<Text> parts = new ArrayList<>();
            for (Flow flow : sameRoute) {
                parts.add(roleMismatch(c, flow));
            }
            why = join(parts);
        } else if (!purposesOnRoute.isEmpty()) {
            why = NO_FLOW_OTHER_PURPOSES.fill(
                    "holder",
                    r.holder(),
                    "recipient",
                    r.recipient(),
                    "purposes",
                    purposesOnRoute,
                    "purpose",
                    r.purpose());
        } else {
            why = NO_FLOW_NO_ROUTE.fill("holder", r.holder(), "recipient", r.recipient());
        }
        return ReasonCode.NO_FLOW.reason("why", why);
    }

    private static Text roleMismatch(RequestContext c, Flow flow) {
        DecisionRequest r = c.request;
        if (!flow.recipient().accepts(r.recipientRole())) {
            return NO_FLOW_RECIPIENT_ROLE.fill(
                    "flow",
                    flow.id(),
                    "recipient",
                    r.recipient(),
                    "roles",
                    flow.recipient().roles(),
                    "role",
                    r.recipientRole());
        }
        if (c.holderRole != null) {
            return NO_FLOW_HOLDER_ROLE.fill(
                    "flow",
                    flow.id(),
                    "holder",
                    r.holder(),
                    "roles",
                    flow.holder().roles(),
                    "role",
                    c.holderRole);
        }
        return NO_FLOW_HOLDER_LACKS_ROLE.fill(
                "flow", flow.id(), "holder", r.holder(), "roles", flow.holder().roles());
    }

    private static Text join(List<Text> parts) {
        StringBuilder nl = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (Text part : parts) {
            nl.append(nl.length() == 0 ? "" : " ").append(part.nl());
            en.append(en.length() == 0 ? "" : " ").append(part.en());
        }
        return new Text(nl.toString(), en.toString());
    }

    // ---- category rules ----

    static Verdict identifyingOnlyWhereAllowed(FlowContext c, Category category) {
        if (c.flow.noIdentifyingCategories() && category.isIdentifying()) {
            return c.reasons.identifying(c.flow, category);
        }
        return ALLOWED;
    }

    static Reason identifyingReason(Flow flow, Category category) {
        return ReasonCode.IDENTIFYING_NOT_ALLOWED.reason(
                "flow", flow.id(), "purpose", flow.purpose(), "category", category);
    }

    static Verdict namedByFlow(FlowContext c, Category category) {
        if (c.flow.names(category)) {
            return ALLOWED;
        }
        Verdict.Refused notInFlow = c.reasons.notInFlow(c.flow, category);
        OverrideFact override = c.invokedOverride();
        if (override != null && override.categories().contains(category)) {
            if (!c.explain) {
                return Verdict.UNEXPLAINED;
            }
            // Say so explicitly: a professional who named the category in the override may expect it to count.
            return refused(
                    notInFlow.reasons().get(0),
                    ReasonCode.OVERRIDE_SCOPE.reason(
                            "override", override.id(),
                            "detail", OVERRIDE_NEVER_WIDENS.part("flow", c.flow.id(), "category", category)));
        }
        return notInFlow;
    }

    static Reason notInFlowReason(Flow flow, Category category) {
        Text special = category.isSpecial() ? SPECIAL_CATEGORY : Text.EMPTY;
        return ReasonCode.CATEGORY_NOT_IN_FLOW.reason(
                "flow", flow.id(),
                "purpose", flow.purpose(),
                "category", category,
                "special", special,
                "allowed", flow.categories());
    }

    static Verdict agreementInForce(FlowContext c, Category category) {
        return c.agreement();
    }

    static Verdict measureInForce(FlowContext c, Category category) {
        return c.measure();
    }

    static Verdict consentOrOverride(FlowContext c, Category category) {
        if (!c.flow.consentRequired() || c.subject() == null) {
            return ALLOWED;
        }
        Verdict consent = consent(c, category);
        if (consent instanceof Verdict.Allowed || c.facts().invokedOverrideId().isEmpty()) {
            return consent;
        }
        if (!c.explain) {
            // Whether the override covers is all that counts here; nothing is rendered.
            return c.flow.overridable() ? override(c, category) : Verdict.UNEXPLAINED;
        }
        Reason consentReason = ((Verdict.Refused) consent).reasons().get(0);
        if (!c.flow.overridable()) {
            return refused(
                    consentReason,
                    ReasonCode.OVERRIDE_NOT_ALLOWED.reason("flow", c.flow.id(), "purpose", c.flow.purpose()));
        }
        Verdict override = override(c, category);
        if (override instanceof Verdict.Refused refusal) {
            return refused(consentReason, refusal.reasons().get(0));
        }
        return override;
    }

    // ---- the facts behind the rules, looked up once per flow or per category ----

    /** The agreement of the flow in force at the time of the request, or AGREEMENT_NOT_IN_FORCE. */
    static Verdict agreementOf(FlowContext c) {
        if (c.framework.hasAgreementInForce(c.flow.agreementId(), c.time)) {
            return ALLOWED;
        }
        if (!c.explain) {
            return Verdict.UNEXPLAINED;
        }
        List<Text.Part> windows = new ArrayList<>();
        for (Agreement version : c.framework.agreementVersions(c.flow.agreementId())) {
            windows.add(
                    version.validUntil() == null
                            ? AGREEMENT_FROM.part("from", version.validFrom())
                            : AGREEMENT_FROM_UNTIL.part("from", version.validFrom(), "until", version.validUntil()));
        }
        return refused(ReasonCode.AGREEMENT_NOT_IN_FORCE.reason(
                "flow", c.flow.id(), "agreement", c.flow.agreementId(), "windows", windows, "time", c.time));
    }

    /**
     * For flows that need one: an active measure for the subject registered by the recipient. The
     * refusal names only measures of the recipient or the caller ({@link #measureNamedToCaller}).
     */
    static Verdict measureOf(FlowContext c) {
        if (!c.flow.needsMeasure() || c.subject() == null) {
            return ALLOWED;
        }
        // The first problem found is the one explained; it is rendered only when no measure is in force.
        MeasureFact firstProblem = null;
        List<MeasureFact> measures = c.facts().measures();
        for (int i = 0, n = measures.size(); i < n; i++) {
            MeasureFact m = measures.get(i);
            if (!m.subjectPseudonym().equals(c.subject())) {
                continue;
            }
            if (!measureNamedToCaller(c, m)) {
                // Another institution's measure: it does not count here, and the caller is not told of it.
                continue;
            }
            if (measureProblem(c, m) == null) {
                return Verdict.on(Ground.MEASURE, m.id());
            }
            if (firstProblem == null) {
                firstProblem = m;
            }
        }
        if (!c.explain) {
            return Verdict.UNEXPLAINED;
        }
        Object detail = firstProblem == null ? NO_MEASURE : measureDetail(c, firstProblem);
        return refused(
                ReasonCode.MEASURE_MISSING.reason("flow", c.flow.id(), "recipient", c.recipientId(), "detail", detail));
    }

    /** Why a measure of the subject, named to the caller, does not count here. */
    private enum MeasureProblem {
        OTHER_REGISTRAR,
        ENDED,
        NOT_STARTED,
        RAN_OUT
    }

    /** What is wrong with this measure here, or null if it is in force; renders nothing. */
    private static MeasureProblem measureProblem(FlowContext c, MeasureFact m) {
        if (!m.registeredBy().equals(c.recipientId())) {
            return MeasureProblem.OTHER_REGISTRAR;
        }
        if (m.endedAt() != null && !m.endedAt().isAfter(c.time)) {
            return MeasureProblem.ENDED;
        }
        if (c.time.isBefore(m.validFrom())) {
            return MeasureProblem.NOT_STARTED;
        }
        if (!c.time.isBefore(m.validUntil())) {
            return MeasureProblem.RAN_OUT;
        }
        return null;
    }

    private static Text.Part measureDetail(FlowContext c, MeasureFact m) {
        return switch (measureProblem(c, m)) {
            case OTHER_REGISTRAR ->
                MEASURE_OTHER_REGISTRAR.part("measure", m.id(), "by", m.registeredBy(), "recipient", c.recipientId());
            case ENDED -> MEASURE_ENDED.part("measure", m.id(), "at", m.endedAt());
            case NOT_STARTED -> MEASURE_NOT_STARTED.part("measure", m.id(), "at", m.validFrom());
            case RAN_OUT -> MEASURE_RAN_OUT.part("measure", m.id(), "at", m.validUntil());
        };
    }

    private enum ConsentState {
        ACTIVE,
        WITHDRAWN,
        EXPIRED,
        NOT_YET_VALID
    }

    /**
     * An active consent covering this category, or the most informative refusal: a matching consent
     * that was withdrawn, expired or is not yet valid beats an active one that covers something else,
     * which beats having none at all. Only consents named to the caller ({@link #consentNamedToCaller})
     * are explained; any consent that covers counts.
     */
    static Verdict consent(FlowContext c, Category category) {
        Instant t = c.time;
        ConsentFact withdrawn = null;
        ConsentFact expired = null;
        ConsentFact notYet = null;
        ConsentFact otherScope = null;
        Mismatch otherScopeMismatch = null;
        // Indexed loops over the facts' immutable lists: no iterator per category.
        List<ConsentFact> consents = c.facts().consents();
        for (int i = 0, n = consents.size(); i < n; i++) {
            ConsentFact fact = consents.get(i);
            if (!fact.subjectPseudonym().equals(c.subject())) {
                continue;
            }
            Mismatch mismatch = scopeMismatch(c, fact, category);
            ConsentState state = state(fact, t);
            if (mismatch == Mismatch.NONE && state == ConsentState.ACTIVE) {
                // A consent that covers, covers, whoever may read it.
                return c.allowedOn(Ground.CONSENT, fact.id());
            }
            if (!consentNamedToCaller(c, fact)) {
                // Not the caller's to know of: left out of the explanation (it falls through to CONSENT_MISSING).
                continue;
            }
            if (mismatch == Mismatch.NONE) {
                switch (state) {
                    case WITHDRAWN -> withdrawn = withdrawn == null ? fact : withdrawn;
                    case EXPIRED -> expired = expired == null ? fact : expired;
                    case NOT_YET_VALID -> notYet = notYet == null ? fact : notYet;
                    default -> {
                        // ACTIVE and covering returned above
                    }
                }
            } else if (state == ConsentState.ACTIVE && otherScope == null) {
                otherScope = fact;
                otherScopeMismatch = mismatch;
            }
        }
        if (!c.explain) {
            return Verdict.UNEXPLAINED;
        }
        String flow = c.flow.id();
        if (withdrawn != null) {
            ConsentFact f = withdrawn;
            return c.refusal(
                    ReasonCode.CONSENT_WITHDRAWN, f.id(), "consent", f.id(), "at", f.withdrawnAt(), "flow", flow);
        }
        if (expired != null) {
            ConsentFact f = expired;
            return c.refusal(
                    ReasonCode.CONSENT_EXPIRED, f.id(), "consent", f.id(), "until", f.validUntil(), "flow", flow);
        }
        if (notYet != null) {
            ConsentFact f = notYet;
            return c.refusal(
                    ReasonCode.CONSENT_NOT_YET_VALID, f.id(), "consent", f.id(), "from", f.validFrom(), "flow", flow);
        }
        if (otherScope != null) {
            ConsentFact f = otherScope;
            Mismatch m = otherScopeMismatch;
            // A category mismatch is explained per category; the others once per consent.
            Object detailKey = m == Mismatch.CATEGORY ? category : m;
            Verdict.Refused known = c.remembered(ReasonCode.CONSENT_SCOPE, f.id(), detailKey);
            return known != null
                    ? known
                    : c.remember(
                            ReasonCode.CONSENT_SCOPE,
                            f.id(),
                            detailKey,
                            ReasonCode.CONSENT_SCOPE.reason(
                                    "consent", f.id(), "detail", scopeDetail(c, f, m, category), "flow", flow));
        }
        return c.reasons.consentMissing(c.flow, c.recipientId(), category);
    }

    // ---- what a refusal may name: only grounds the caller's organisation may know of ----

    /**
     * A consent is named in a refusal (its id, state, scope) only to an organisation among its
     * recipients or its named holders. Any other consent still counts when it covers; when it does
     * not, the caller is not told it exists.
     */
    static boolean consentNamedToCaller(FlowContext c, ConsentFact fact) {
        OrganisationId caller = c.callerId();
        return fact.recipients().contains(caller) || fact.holders().contains(caller);
    }

    /**
     * An override is the caller's to invoke, and to have explained, only when its organisation
     * declared it or is among its recipients.
     */
    static boolean overrideVisibleToCaller(FlowContext c, OverrideFact fact) {
        OrganisationId caller = c.callerId();
        return fact.declaringOrganisation().equals(caller) || fact.recipients().contains(caller);
    }

    /** A measure is named in a refusal only when the recipient of this exchange or the caller registered it. */
    static boolean measureNamedToCaller(FlowContext c, MeasureFact fact) {
        return fact.registeredBy().equals(c.recipientId())
                || fact.registeredBy().equals(c.callerId());
    }

    static Reason consentMissingReason(Flow flow, OrganisationId recipient, Category category) {
        return ReasonCode.CONSENT_MISSING.reason(
                "category", category, "flow", flow.id(), "purpose", flow.purpose(), "recipient", recipient);
    }

    private static ConsentState state(ConsentFact fact, Instant t) {
        if (fact.withdrawnAt() != null && !fact.withdrawnAt().isAfter(t)) {
            // Withdrawn after it had already run out: the expiry is what ended it.
            return fact.validUntil().isAfter(fact.withdrawnAt()) ? ConsentState.WITHDRAWN : ConsentState.EXPIRED;
        }
        if (t.isBefore(fact.validFrom())) {
            return ConsentState.NOT_YET_VALID;
        }
        return t.isBefore(fact.validUntil()) ? ConsentState.ACTIVE : ConsentState.EXPIRED;
    }

    /** The first way in which a consent fails to cover this category here, in the order they are explained. */
    private enum Mismatch {
        NONE,
        PURPOSE,
        RECIPIENT,
        HOLDER,
        CATEGORY
    }

    private static Mismatch scopeMismatch(FlowContext c, ConsentFact fact, Category category) {
        if (!fact.purposes().contains(c.flow.purpose())) {
            return Mismatch.PURPOSE;
        }
        if (!fact.recipients().contains(c.recipientId())) {
            return Mismatch.RECIPIENT;
        }
        if (!fact.holders().isEmpty() && !fact.holders().contains(c.holderId())) {
            return Mismatch.HOLDER;
        }
        return fact.categories().contains(category) ? Mismatch.NONE : Mismatch.CATEGORY;
    }

    private static Text.Part scopeDetail(FlowContext c, ConsentFact fact, Mismatch mismatch, Category category) {
        return switch (mismatch) {
            case PURPOSE -> CONSENT_SCOPE_PURPOSE.part("purposes", fact.purposes(), "purpose", c.flow.purpose());
            case RECIPIENT ->
                CONSENT_SCOPE_RECIPIENT.part("recipient", c.recipientId(), "recipients", sorted(fact.recipients()));
            case HOLDER -> CONSENT_SCOPE_HOLDER.part("holders", sorted(fact.holders()), "holder", c.holderId());
            case CATEGORY, NONE -> CONSENT_SCOPE_CATEGORY.part("category", category, "categories", fact.categories());
        };
    }

    /** Whether the invoked override covers this category now; it is only asked once consent failed. */
    static Verdict override(FlowContext c, Category category) {
        OverrideFact o = c.invokedOverride();
        if (o == null) {
            if (!c.explain) {
                return Verdict.UNEXPLAINED;
            }
            return refused(ReasonCode.OVERRIDE_UNKNOWN.reason(
                    "override", c.facts().invokedOverrideId().orElse("")));
        }
        Instant t = c.time;
        if (!c.explain) {
            return overrideCovers(c, o, category) ? c.allowedOn(Ground.OVERRIDE, o.id()) : Verdict.UNEXPLAINED;
        }
        if (t.isBefore(o.declaredAt())) {
            return overrideScope(o, OVERRIDE_NOT_YET_DECLARED.part("at", o.declaredAt()));
        }
        if (o.endedAt() != null && !o.endedAt().isAfter(t)) {
            return c.refusal(
                    ReasonCode.OVERRIDE_EXPIRED,
                    o.id(),
                    "override",
                    o.id(),
                    "state",
                    OVERRIDE_ENDED,
                    "at",
                    o.endedAt());
        }
        Instant end = c.overrideEnd(o);
        if (!t.isBefore(end)) {
            return c.refusal(
                    ReasonCode.OVERRIDE_EXPIRED, o.id(), "override", o.id(), "state", OVERRIDE_RAN_OUT, "at", end);
        }
        if (o.purpose() != c.flow.purpose()) {
            return overrideScope(o, OVERRIDE_SCOPE_PURPOSE.part("purpose", o.purpose(), "requested", c.flow.purpose()));
        }
        if (!o.recipients().contains(c.recipientId())) {
            return overrideScope(
                    o,
                    OVERRIDE_SCOPE_RECIPIENT.part("recipient", c.recipientId(), "recipients", sorted(o.recipients())));
        }
        if (!o.declaringOrganisation().equals(c.holderId())) {
            return overrideScope(o, OVERRIDE_SCOPE_DECLARER.part("by", o.declaringOrganisation()));
        }
        if (!o.categories().contains(category)) {
            return overrideScope(o, OVERRIDE_SCOPE_CATEGORY.part("category", category, "categories", o.categories()));
        }
        return c.allowedOn(Ground.OVERRIDE, o.id());
    }

    /** The checks of {@link #override} without their explanations, in the same order. */
    private static boolean overrideCovers(FlowContext c, OverrideFact o, Category category) {
        Instant t = c.time;
        return !t.isBefore(o.declaredAt())
                && (o.endedAt() == null || o.endedAt().isAfter(t))
                && t.isBefore(c.overrideEnd(o))
                && o.purpose() == c.flow.purpose()
                && o.recipients().contains(c.recipientId())
                && o.declaringOrganisation().equals(c.holderId())
                && o.categories().contains(category);
    }

    private static Verdict overrideScope(OverrideFact o, Text.Part detail) {
        return refused(ReasonCode.OVERRIDE_SCOPE.reason("override", o.id(), "detail", detail));
    }

    private static List<OrganisationId> sorted(Set<OrganisationId> ids) {
        OrganisationId[] array = ids.toArray(new OrganisationId[0]);
        Arrays.sort(array);
        return Arrays.asList(array);
    }
}
