package nl.deelpoort.policy;

import static nl.deelpoort.policy.Fixtures.ENGINE;
import static nl.deelpoort.policy.Fixtures.FRAMEWORK;
import static nl.deelpoort.policy.Fixtures.SUBJECT;
import static nl.deelpoort.policy.Fixtures.T;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Invariants over the whole vocabulary: every organisation pair, role and purpose exhaustively, and
 * a large seeded random sample with random categories, times and facts. A failure message carries
 * the request so that it can be turned into a table row.
 */
class DecisionPropertyTest {
    private static final List<OrganisationId> ORGANISATIONS = new ArrayList<>();
    private static final Set<Category> ALL = EnumSet.allOf(Category.class);

    static {
        FRAMEWORK.organisations().forEach(o -> ORGANISATIONS.add(o.id()));
        ORGANISATIONS.add(OrganisationId.of("onbekende-organisatie"));
    }

    /** Every holder, recipient, both roles and purpose, the caller on either side, all categories. */
    @Test
    void exhaustiveOverOrganisationsRolesAndPurposes() {
        Facts everything = everythingFor(SUBJECT);
        // Without a measure F9 (consent) is the better of the two child-protection flows.
        Facts consentOnly = new Facts(everything.consents(), List.of(), List.of(), Optional.empty());
        List<Facts> facts = List.of(Facts.none(), Facts.none(), everything, consentOnly);
        int decisions = 0;
        Set<String> permittedFlows = new HashSet<>();
        for (OrganisationId holder : ORGANISATIONS) {
            for (OrganisationId recipient : ORGANISATIONS) {
                for (ActingRole callerRole : ActingRole.values()) {
                    for (ActingRole recipientRole : ActingRole.values()) {
                        for (Purpose purpose : Purpose.values()) {
                            for (boolean callerIsHolder : new boolean[] {true, false}) {
                                OrganisationId caller = callerIsHolder ? holder : recipient;
                                for (int variant = 0; variant < facts.size(); variant++) {
                                    DecisionRequest request = new DecisionRequest(
                                            new Caller(caller, callerRole, "u"),
                                            holder,
                                            Optional.empty(),
                                            recipient,
                                            recipientRole,
                                            purpose,
                                            ALL,
                                            T,
                                            variant == 0 ? Optional.empty() : Optional.of(SUBJECT),
                                            facts.get(variant));
                                    DecisionResult result = decideChecked(request);
                                    if (result.decision() != Decision.DENY) {
                                        permittedFlows.add(result.flowId().orElseThrow());
                                    }
                                    decisions++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(decisions).isGreaterThan(500_000);
        // Sanity check that the sweep reaches every flow at all.
        assertThat(permittedFlows)
                .containsExactlyInAnyOrderElementsOf(
                        FRAMEWORK.flows().stream().map(Flow::id).toList());
    }

    /** Random holder roles, category subsets, times, subjects and facts (consents, overrides, measures). */
    @Test
    void seededRandomSample() {
        Random random = new Random(20261122L);
        for (int i = 0; i < 100_000; i++) {
            decideChecked(randomRequest(random));
        }
    }

    private static DecisionResult decideChecked(DecisionRequest request) {
        DecisionResult result;
        try {
            result = ENGINE.decide(request);
        } catch (RuntimeException e) {
            throw new AssertionError("engine threw for " + request, e);
        }
        Set<Category> withheld = result.withheld().keySet();

        // released and withheld partition the request
        Set<Category> union = EnumSet.noneOf(Category.class);
        union.addAll(result.released());
        union.addAll(withheld);
        check(union.equals(request.categories()), "released + withheld = requested", request, result);
        check(
                union.size() == result.released().size() + withheld.size(),
                "released and withheld overlap",
                request,
                result);

        // the outcome agrees with the sets, and every refusal is explained
        Decision expected =
                result.released().isEmpty() ? Decision.DENY : withheld.isEmpty() ? Decision.PERMIT : Decision.PARTIAL;
        check(result.decision() == expected, "decision matches the sets", request, result);
        check(
                result.decision() == Decision.DENY
                        ? !result.reasons().isEmpty()
                        : result.reasons().isEmpty(),
                "a DENY and only a DENY has top-level reasons",
                request,
                result);
        for (List<Reason> reasons : result.withheld().values()) {
            check(!reasons.isEmpty(), "every withheld category has a reason", request, result);
        }
        for (Reason reason : allReasons(result)) {
            check(
                    !reason.messageNl().isBlank() && !reason.messageEn().isBlank(),
                    "messages are filled",
                    request,
                    result);
            check(
                    reason.messageNl().indexOf('{') < 0 && reason.messageEn().indexOf('{') < 0,
                    "no unfilled placeholder",
                    request,
                    result);
        }
        check(result.policyVersion().equals(FRAMEWORK.policyVersion()), "policy version", request, result);
        namesOnlyWhatTheCallerMayKnow(request, result);

        if (result.released().isEmpty()) {
            return result;
        }
        // whatever is released is named by the flow that applied, and that flow fits the request
        Flow flow = FRAMEWORK.flow(result.flowId().orElseThrow()).orElseThrow();
        Organisation holder = FRAMEWORK.organisation(request.holder()).orElseThrow();
        Organisation recipient = FRAMEWORK.organisation(request.recipient()).orElseThrow();
        Organisation caller =
                FRAMEWORK.organisation(request.caller().organisation()).orElseThrow();
        check(flow.categories().containsAll(result.released()), "flow names every released category", request, result);
        check(flow.purpose() == request.purpose(), "flow serves the purpose", request, result);
        check(
                flow.holder().includes(holder) && flow.recipient().includes(recipient),
                "flow connects the parties",
                request,
                result);
        check(
                flow.recipient().accepts(request.recipientRole()) && recipient.holds(request.recipientRole()),
                "recipient role accepted and held",
                request,
                result);
        check(recipient.kind() != OrganisationKind.PROCESSOR, "a processor never receives", request, result);
        check(caller.holds(request.caller().actingRole()), "caller holds its role", request, result);
        check(
                request.caller().organisation().equals(request.holder())
                        || request.caller().organisation().equals(request.recipient()),
                "caller is a party",
                request,
                result);
        check(
                FRAMEWORK.agreementInForce(flow.agreementId(), request.time()).isPresent(),
                "agreement in force",
                request,
                result);
        check(
                !flow.noIdentifyingCategories() || result.released().stream().noneMatch(Category::isIdentifying),
                "no identifying data on an anonymous flow",
                request,
                result);
        if (request.subjectPseudonym().isPresent()) {
            groundsHold(request, result, flow);
        }
        return result;
    }

    private static void check(boolean holds, String invariant, DecisionRequest request, DecisionResult result) {
        if (!holds) {
            throw new AssertionError(
                    "invariant '" + invariant + "' broken\n  request: " + request + "\n  result: " + result);
        }
    }

    /** With a subject, released data under consent or measure flows rests on facts that really apply. */
    private static void groundsHold(DecisionRequest request, DecisionResult result, Flow flow) {
        String subject = request.subjectPseudonym().orElseThrow();
        Instant t = request.time();
        if (flow.needsMeasure()) {
            MeasureFact m = request.facts().measures().stream()
                    .filter(f -> f.id().equals(result.measureId().orElse(null)))
                    .findFirst()
                    .orElse(null);
            check(
                    m != null
                            && m.subjectPseudonym().equals(subject)
                            && m.registeredBy().equals(request.recipient())
                            && !t.isBefore(m.validFrom())
                            && t.isBefore(m.validUntil())
                            && (m.endedAt() == null || m.endedAt().isAfter(t)),
                    "an active measure of the subject registered by the recipient",
                    request,
                    result);
        }
        if (!flow.consentRequired()) {
            return;
        }
        check(
                !result.consentIds().isEmpty() || result.overrideId().isPresent(),
                "consent or override used",
                request,
                result);
        for (String id : result.consentIds()) {
            ConsentFact c = request.facts().consents().stream()
                    .filter(f -> f.id().equals(id))
                    .findFirst()
                    .orElse(null);
            check(
                    c != null
                            && c.subjectPseudonym().equals(subject)
                            && c.purposes().contains(request.purpose())
                            && c.recipients().contains(request.recipient())
                            && (c.holders().isEmpty() || c.holders().contains(request.holder()))
                            && (c.withdrawnAt() == null || c.withdrawnAt().isAfter(t))
                            && !t.isBefore(c.validFrom())
                            && t.isBefore(c.validUntil()),
                    "consent used is active and in scope",
                    request,
                    result);
        }
        if (result.overrideId().isPresent()) {
            OverrideFact o = request.facts().overrides().stream()
                    .filter(f -> f.id().equals(result.overrideId().get()))
                    .findFirst()
                    .orElse(null);
            check(
                    flow.overridable()
                            && request.facts().invokedOverrideId().equals(result.overrideId())
                            && o != null
                            && o.subjectPseudonym().equals(subject)
                            && o.purpose() == request.purpose()
                            && o.recipients().contains(request.recipient())
                            && (o.declaringOrganisation()
                                            .equals(request.caller().organisation())
                                    || o.recipients().contains(request.caller().organisation()))
                            && !t.isBefore(o.declaredAt())
                            && t.isBefore(o.expiresAt())
                            && (o.endedAt() == null || o.endedAt().isAfter(t))
                            && Duration.between(o.declaredAt(), t)
                                            .compareTo(
                                                    FRAMEWORK.overridePolicy().maxDuration())
                                    < 0,
                    "override used is invoked, overridable, active and in scope",
                    request,
                    result);
        }
    }

    /**
     * A refusal names a consent only to its recipients and named holders, a measure only when the
     * recipient or the caller registered it, and an override only to its declarer and recipients
     * (any other invoked override is "unknown", naming just the id the caller gave).
     */
    private static void namesOnlyWhatTheCallerMayKnow(DecisionRequest request, DecisionResult result) {
        OrganisationId caller = request.caller().organisation();
        StringBuilder said = new StringBuilder();
        for (Reason reason : allReasons(result)) {
            said.append(reason.messageNl())
                    .append('\n')
                    .append(reason.messageEn())
                    .append('\n');
        }
        String text = said.toString();
        for (ConsentFact c : request.facts().consents()) {
            if (!c.recipients().contains(caller) && !c.holders().contains(caller)) {
                check(!text.contains(c.id()), "a consent not named to the caller is not explained", request, result);
            }
        }
        for (MeasureFact m : request.facts().measures()) {
            if (!m.registeredBy().equals(request.recipient())
                    && !m.registeredBy().equals(caller)) {
                check(!text.contains(m.id()), "another institution's measure is not named", request, result);
            }
        }
        String invoked = request.facts().invokedOverrideId().orElse(null);
        for (OverrideFact o : request.facts().overrides()) {
            boolean visible =
                    o.declaringOrganisation().equals(caller) || o.recipients().contains(caller);
            if (!visible && o.id().equals(invoked)) {
                check(
                        result.overrideId().isEmpty()
                                && !result.reasonCodes().contains(ReasonCode.OVERRIDE_SCOPE)
                                && !result.reasonCodes().contains(ReasonCode.OVERRIDE_EXPIRED),
                        "an override not given to the caller neither authorises nor is explained",
                        request,
                        result);
            }
        }
    }

    private static List<Reason> allReasons(DecisionResult result) {
        List<Reason> all = new ArrayList<>(result.reasons());
        all.addAll(result.conditions());
        result.withheld().values().forEach(all::addAll);
        return all;
    }

    // ---- random generation ----

    /** Active consents, overrides and measures for everything, so that only the framework itself limits. */
    private static Facts everythingFor(String subject) {
        Set<OrganisationId> all = new HashSet<>();
        FRAMEWORK.organisations().forEach(o -> all.add(o.id()));
        ConsentFact consent = new ConsentFact(
                "c-all",
                subject,
                EnumSet.allOf(Purpose.class),
                all,
                Set.of(),
                ALL,
                T.minus(Duration.ofDays(1)),
                T.plus(Duration.ofDays(1)),
                null);
        MeasureFact measure = new MeasureFact(
                "m-all",
                subject,
                MeasureType.OTS,
                OrganisationId.of("gi-intervence"),
                T.minus(Duration.ofDays(1)),
                T.plus(Duration.ofDays(1)),
                null);
        return new Facts(List.of(consent), List.of(), List.of(measure), Optional.empty());
    }

    private static DecisionRequest randomRequest(Random r) {
        OrganisationId holder = pick(r, ORGANISATIONS);
        OrganisationId recipient = pick(r, ORGANISATIONS);
        int side = r.nextInt(10);
        OrganisationId caller = side < 5 ? holder : side < 9 ? recipient : pick(r, ORGANISATIONS);
        Instant time = randomTime(r);
        String subject = r.nextInt(5) == 0 ? null : r.nextBoolean() ? "s-1" : "s-2";
        return new DecisionRequest(
                new Caller(caller, pick(r, ActingRole.values()), "u"),
                holder,
                r.nextInt(3) == 0 ? Optional.of(pick(r, ActingRole.values())) : Optional.empty(),
                recipient,
                pick(r, ActingRole.values()),
                pick(r, Purpose.values()),
                nonEmptySubset(r, Category.values()),
                time,
                Optional.ofNullable(subject),
                randomFacts(r, time));
    }

    private static Facts randomFacts(Random r, Instant t) {
        List<ConsentFact> consents = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            Instant from = around(r, t);
            consents.add(new ConsentFact(
                    "c-" + i,
                    r.nextBoolean() ? "s-1" : "s-2",
                    nonEmptySubset(r, Purpose.values()),
                    orgSubset(r),
                    r.nextBoolean() ? Set.of() : orgSubset(r),
                    nonEmptySubset(r, Category.values()),
                    from,
                    from.plus(Duration.ofHours(1 + r.nextInt(24 * 400))),
                    r.nextInt(4) == 0 ? around(r, t) : null));
        }
        List<OverrideFact> overrides = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            Instant declared = around(r, t);
            overrides.add(new OverrideFact(
                    "o-" + i,
                    r.nextBoolean() ? "s-1" : "s-2",
                    pick(r, ORGANISATIONS),
                    pick(r, Purpose.values()),
                    orgSubset(r),
                    nonEmptySubset(r, Category.values()),
                    declared,
                    declared.plus(Duration.ofHours(1 + r.nextInt(100))),
                    r.nextInt(4) == 0 ? around(r, t) : null));
        }
        List<MeasureFact> measures = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            Instant from = around(r, t);
            measures.add(new MeasureFact(
                    "m-" + i,
                    r.nextBoolean() ? "s-1" : "s-2",
                    pick(r, MeasureType.values()),
                    pick(r, ORGANISATIONS),
                    from,
                    from.plus(Duration.ofDays(1 + r.nextInt(400))),
                    r.nextInt(4) == 0 ? around(r, t) : null));
        }
        Optional<String> invoked;
        int choice = r.nextInt(4);
        if (choice == 0 || overrides.isEmpty()) {
            invoked = choice == 1 ? Optional.of("o-unknown") : Optional.empty();
        } else {
            invoked = Optional.of(pick(r, overrides).id());
        }
        return new Facts(consents, overrides, measures, invoked);
    }

    private static Instant randomTime(Random r) {
        // 2019..2030 spans before, during and after the agreement windows of the default framework.
        long from = Instant.parse("2019-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2030-12-31T00:00:00Z").getEpochSecond();
        return Instant.ofEpochSecond(from + (long) (r.nextDouble() * (to - from)));
    }

    private static Instant around(Random r, Instant t) {
        return t.plus(Duration.ofHours(r.nextInt(24 * 30 * 2) - 24 * 30));
    }

    private static Set<OrganisationId> orgSubset(Random r) {
        Set<OrganisationId> ids = new HashSet<>();
        for (OrganisationId id : ORGANISATIONS) {
            if (r.nextInt(3) == 0) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static <E extends Enum<E>> Set<E> nonEmptySubset(Random r, E[] values) {
        Set<E> subset = EnumSet.of(pick(r, values));
        for (E value : values) {
            if (r.nextInt(3) == 0) {
                subset.add(value);
            }
        }
        return subset;
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
