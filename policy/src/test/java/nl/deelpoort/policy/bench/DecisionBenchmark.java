package nl.deelpoort.policy.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import nl.deelpoort.policy.ActingRole;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.ConsentFact;
import nl.deelpoort.policy.Decision;
import nl.deelpoort.policy.DecisionEngine;
import nl.deelpoort.policy.DecisionRequest;
import nl.deelpoort.policy.DecisionResult;
import nl.deelpoort.policy.Facts;
import nl.deelpoort.policy.FrameworkLoader;
import nl.deelpoort.policy.MeasureFact;
import nl.deelpoort.policy.MeasureType;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.OverrideFact;
import nl.deelpoort.policy.Purpose;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One decision against the full default framework, with the kind of facts the gateway hands in for
 * a subject that has a history: several consents (one withdrawn, some for other purposes or
 * recipients), overrides and measures. Run with {@code ./mvnw -pl policy -Pbench test-compile
 * exec:exec}; results in {@code docs/benchmarks/policy.md}.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecisionBenchmark {
    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");
    private static final String SUBJECT = "subject-7f3a";

    private DecisionEngine engine;
    private DecisionRequest escalation;
    private DecisionRequest tandem;
    private DecisionRequest refused;

    @Setup
    public void setUp() {
        engine = new DecisionEngine(FrameworkLoader.loadDefault());
        Facts facts = new Facts(
                List.of(
                        consent("c-old", Purpose.ESCALATION, "plusteam", T.minus(Duration.ofDays(20))),
                        consent("c-mdo", Purpose.MDO, "gi-intervence", null),
                        consent("c-gi", Purpose.CHILD_PROTECTION, "gi-intervence", null),
                        consent("c-down", Purpose.DE_ESCALATION, "gemeente-waalre", null),
                        consent("c-esc", Purpose.ESCALATION, "plusteam", null)),
                List.of(override("o-1", Purpose.MDO, "gi-intervence"), override("o-2", Purpose.ESCALATION, "plusteam")),
                List.of(
                        measure("m-old", T.minus(Duration.ofDays(400)), T.minus(Duration.ofDays(35))),
                        measure("m-ots", T.minus(Duration.ofDays(30)), T.plus(Duration.ofDays(335)))),
                Optional.empty());

        // F1: eight categories covered by consent c-esc, HEALTH withheld (PARTIAL).
        escalation = DecisionRequest.builder()
                .caller(OrganisationId.of("gemeente-waalre"), ActingRole.MUNICIPAL_ACCESS, "carla.cmd-waalre")
                .holder(OrganisationId.of("gemeente-waalre"))
                .recipient(OrganisationId.of("plusteam"), ActingRole.ADVISOR)
                .purpose(Purpose.ESCALATION)
                .categories(EnumSet.of(
                        Category.BSN,
                        Category.PERSONALIA,
                        Category.CONTACT,
                        Category.HOUSEHOLD,
                        Category.REFERRAL,
                        Category.ASSESSMENT,
                        Category.SUPPORT_PLAN,
                        Category.CASE_NOTES,
                        Category.HEALTH))
                .time(T)
                .subject(SUBJECT)
                .facts(facts)
                .build();
        // F8 and F9 both fit; F8 (measure m-ots) releases more (PERMIT).
        tandem = DecisionRequest.builder()
                .caller(OrganisationId.of("plusteam"), ActingRole.CARE_PROVIDER, "anna.plusteam")
                .holder(OrganisationId.of("plusteam"))
                .recipient(OrganisationId.of("gi-intervence"), ActingRole.CHILD_PROTECTION)
                .purpose(Purpose.CHILD_PROTECTION)
                .categories(EnumSet.of(Category.BSN, Category.HOUSEHOLD, Category.CASE_NOTES, Category.SAFETY))
                .time(T)
                .subject(SUBJECT)
                .facts(facts)
                .build();
        // F2 without consent: every category refused with reasons (DENY).
        refused = DecisionRequest.builder()
                .caller(OrganisationId.of("plusteam"), ActingRole.CARE_PROVIDER, "anna.plusteam")
                .holder(OrganisationId.of("plusteam"))
                .recipient(OrganisationId.of("gemeente-geldrop-mierlo"), ActingRole.MUNICIPAL_ACCESS)
                .purpose(Purpose.DE_ESCALATION)
                .categories(EnumSet.of(Category.BSN, Category.PERSONALIA, Category.SUPPORT_PLAN, Category.CLOSURE))
                .time(T)
                .subject(SUBJECT)
                .facts(facts)
                .build();
        expect(escalation, Decision.PARTIAL);
        expect(tandem, Decision.PERMIT);
        expect(refused, Decision.DENY);
    }

    private void expect(DecisionRequest request, Decision decision) {
        DecisionResult result = engine.decide(request);
        if (result.decision() != decision) {
            throw new IllegalStateException("benchmark scenario drifted: " + result);
        }
    }

    @Benchmark
    public DecisionResult escalationPartialWithConsent() {
        return engine.decide(escalation);
    }

    @Benchmark
    public DecisionResult childProtectionTwoFlowsWithMeasure() {
        return engine.decide(tandem);
    }

    @Benchmark
    public DecisionResult deniedWithReasons() {
        return engine.decide(refused);
    }

    private static ConsentFact consent(String id, Purpose purpose, String recipient, Instant withdrawnAt) {
        return new ConsentFact(
                id,
                SUBJECT,
                EnumSet.of(purpose),
                Set.of(OrganisationId.of(recipient)),
                Set.of(),
                EnumSet.range(Category.BSN, Category.CASE_NOTES),
                T.minus(Duration.ofDays(60)),
                T.plus(Duration.ofDays(300)),
                withdrawnAt);
    }

    private static OverrideFact override(String id, Purpose purpose, String recipient) {
        return new OverrideFact(
                id,
                SUBJECT,
                OrganisationId.of("gemeente-waalre"),
                purpose,
                Set.of(OrganisationId.of(recipient)),
                EnumSet.of(Category.BSN, Category.ASSESSMENT),
                T.minus(Duration.ofHours(2)),
                T.plus(Duration.ofHours(46)),
                null);
    }

    private static MeasureFact measure(String id, Instant from, Instant until) {
        return new MeasureFact(id, SUBJECT, MeasureType.OTS, OrganisationId.of("gi-intervence"), from, until, null);
    }
}
