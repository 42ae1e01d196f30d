package nl.deelpoort.gateway.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.deelpoort.gateway.audit.AuditQueries.Found;
import nl.deelpoort.gateway.logstore.CheckpointInclusion;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.Organisation;
import nl.deelpoort.policy.OrganisationId;
import org.springframework.stereotype.Component;

/**
 * The privacy officers' search, timeline, sample and statistics, each through the {@link AuditTrail}:
 * the application service behind the audit endpoints and the console's officer pages.
 */
@Component
public record Audits(AuditTrail trail, AuditQueries queries, CheckpointInclusion inclusion, Framework framework) {

    public record Party(String id, String name, String role) {}

    /**
     * One entry. {@code inclusionVerified}: true/false against the latest signed checkpoint; null when
     * the entry is newer than that checkpoint (no proof exists yet).
     */
    public record Hit(
            long seq,
            Instant registeredAt,
            String kind,
            Party requestingOrganisation,
            Party holder,
            Party recipient,
            String purpose,
            String legalBasis,
            String flow,
            List<String> categoriesRequested,
            List<String> categoriesReleased,
            String decision,
            List<String> reasonCodes,
            String consentId,
            String overrideId,
            String measureId,
            boolean confidential,
            Map<String, String> attributes,
            Boolean inclusionVerified) {}

    public record CheckpointView(long treeSize, boolean signatureValid) {}

    public record SearchResponse(
            long disclosureId, int page, int size, boolean hasMore, CheckpointView checkpoint, List<Hit> hits) {}

    /** {@code subjectKnown}: known to the officer's organisation (see {@code SubjectPseudonyms#knownTo}). */
    public record TimelineResponse(
            long disclosureId, boolean subjectKnown, boolean truncated, CheckpointView checkpoint, List<Hit> events) {}

    public record SampleResponse(
            long disclosureId, String seed, Instant from, Instant to, List<SampledSubject> subjects) {}

    public record Overrides(long declared, long ended, long reviewed, Map<String, Long> verdicts) {}

    public record DenialRateView(String organisation, long decisions, long denials, double denialRate) {}

    /** One interval of the period: its decisions by outcome (PERMIT, PARTIAL, DENY) and the overrides declared. */
    public record Interval(Instant from, Instant to, Map<String, Long> byDecision, long overridesDeclared) {}

    /** The period per {@code unit} (DAY, WEEK, MONTH or YEAR), oldest first. */
    public record OverTime(String unit, List<Interval> intervals) {}

    public record StatisticsResponse(
            long disclosureId,
            String organisation,
            Instant from,
            Instant to,
            Map<String, Long> byKind,
            Map<String, Long> byDecision,
            Map<String, Long> byReasonCode,
            Map<String, Long> byPurpose,
            Map<String, Long> byLegalBasis,
            List<PairCount> byOrganisationPair,
            Overrides overrides,
            ConsentCounts consents,
            List<DenialRateView> denialRates,
            OverTime overTime) {}

    public SearchResponse search(Caller caller, RequestTrace trace, AuditRequests.Search q) {
        Map<String, String> parameters = new LinkedHashMap<>(q.filter().attributes());
        parameters.put("page", Integer.toString(q.page()));
        parameters.put("size", Integer.toString(q.size()));
        q.beforeSeq().ifPresent(seq -> parameters.put("beforeSeq", Long.toString(seq)));
        return trail.run(caller, trace, "search", q.filter().subject(), parameters, scope -> {
            List<Found> found = scope.unknownSubject()
                    ? List.of()
                    : queries.search(scope, q.filter(), q.page(), q.size(), q.beforeSeq());
            Optional<CheckpointInclusion.Snapshot> checkpoint = inclusion.latest();
            return new SearchResponse(
                    scope.disclosureId(),
                    q.page(),
                    q.size(),
                    found.size() > q.size(),
                    view(checkpoint),
                    hits(found, q.size(), checkpoint));
        });
    }

    public TimelineResponse timeline(Caller caller, RequestTrace trace, AuditFilter filter) {
        return trail.run(
                caller, trace, "timeline", filter.subject(), filter.attributes(), scope -> timeline(scope, filter));
    }

    /** A timeline by the pseudonym a sample showed, known or not exactly as by BSN. */
    public TimelineResponse timeline(Caller caller, RequestTrace trace, AuditRequests.ReferenceTimeline t) {
        return trail.runForReference(
                caller,
                trace,
                "timeline",
                t.reference(),
                t.period().attributes(),
                scope -> timeline(scope, t.period()));
    }

    private TimelineResponse timeline(AuditTrail.Scope scope, AuditFilter filter) {
        List<Found> found = scope.unknownSubject() ? List.of() : queries.timeline(scope, filter);
        Optional<CheckpointInclusion.Snapshot> checkpoint = inclusion.latest();
        return new TimelineResponse(
                scope.disclosureId(),
                !scope.unknownSubject(),
                found.size() > AuditQueries.TIMELINE_LIMIT,
                view(checkpoint),
                hits(found, AuditQueries.TIMELINE_LIMIT, checkpoint));
    }

    public SampleResponse sample(Caller caller, RequestTrace trace, AuditRequests.Sample s) {
        Map<String, String> parameters = new LinkedHashMap<>(s.period().attributes());
        parameters.put("size", Integer.toString(s.size()));
        parameters.put("seed", s.seed());
        return trail.run(
                caller,
                trace,
                "sample",
                Optional.empty(),
                parameters,
                scope -> new SampleResponse(
                        scope.disclosureId(),
                        s.seed(),
                        s.period().from().orElseThrow(),
                        s.period().to().orElseThrow(),
                        queries.sample(scope, s.period(), s.size(), s.seed())));
    }

    public StatisticsResponse statistics(Caller caller, RequestTrace trace, AuditFilter period) {
        Instant from = period.from().orElseThrow();
        Instant to = period.to().orElseThrow();
        Granularity granularity = Granularity.of(from, to);
        return trail.run(caller, trace, "statistics", Optional.empty(), period.attributes(), scope -> {
            Map<String, Long> byKind = queries.countBy(scope, period, "kind");
            Overrides overrides = new Overrides(
                    byKind.getOrDefault("OVERRIDE_DECLARED", 0L),
                    byKind.getOrDefault("OVERRIDE_ENDED", 0L),
                    byKind.getOrDefault("OVERRIDE_REVIEWED", 0L),
                    queries.countReviewVerdicts(scope, period));
            List<DenialRateView> rates = queries.denialRates(scope, period).stream()
                    .map(r -> new DenialRateView(
                            r.organisation(), r.decisions(), r.denials(), (double) r.denials() / r.decisions()))
                    .toList();
            return new StatisticsResponse(
                    scope.disclosureId(),
                    scope.organisation().value(),
                    from,
                    to,
                    byKind,
                    queries.countBy(scope, period, "decision"),
                    queries.countByReasonCode(scope, period),
                    queries.countBy(scope, period, "purpose"),
                    queries.countBy(scope, period, "legal_basis"),
                    queries.countByPair(scope, period),
                    overrides,
                    queries.consents(scope, period),
                    rates,
                    Intervals.of(from, to, granularity, queries.countOverTime(scope, period, granularity)));
        });
    }

    /**
     * The first {@code limit} entries as hits, each with its inclusion verified against the checkpoint
     * when the checkpoint covers it; the proofs of all of them come from one query.
     */
    private List<Hit> hits(List<Found> found, int limit, Optional<CheckpointInclusion.Snapshot> checkpoint) {
        List<Found> shown = found.size() > limit ? found.subList(0, limit) : found;
        Map<Long, Boolean> verified = new HashMap<>();
        checkpoint.ifPresent(c -> {
            List<CheckpointInclusion.Leaf> covered = shown.stream()
                    .filter(f -> f.entry().seq() < c.treeSize())
                    .map(f -> new CheckpointInclusion.Leaf(f.entry().seq(), f.canonical()))
                    .toList();
            List<Boolean> answers = inclusion.verifiesAll(c, covered);
            for (int i = 0; i < covered.size(); i++) {
                verified.put(covered.get(i).seq(), answers.get(i));
            }
        });
        return shown.stream().map(f -> hit(f, verified.get(f.entry().seq()))).toList();
    }

    /** @param verified null when the latest checkpoint does not cover the entry (or there is none) */
    private Hit hit(Found f, Boolean verified) {
        LogEntry e = f.entry();
        return new Hit(
                e.seq(),
                e.registeredAt(),
                e.kind().name(),
                party(e.requestingOrganisation(), e.actingRole()),
                party(e.holder(), e.holderRole()),
                party(e.recipient(), e.recipientRole()),
                e.purpose(),
                e.legalBasis(),
                e.flow(),
                e.categoriesRequested(),
                e.categoriesReleased(),
                e.decision(),
                e.reasonCodes(),
                e.consentId(),
                e.overrideId(),
                e.measureId(),
                e.confidential(),
                e.attributes(),
                verified);
    }

    private Party party(String id, String role) {
        if (id == null) {
            return null;
        }
        String name = OrganisationId.isValid(id)
                ? framework
                        .organisation(OrganisationId.of(id))
                        .map(Organisation::name)
                        .orElse(null)
                : null;
        return new Party(id, name, role);
    }

    private static CheckpointView view(Optional<CheckpointInclusion.Snapshot> checkpoint) {
        return checkpoint
                .map(c -> new CheckpointView(c.treeSize(), c.signatureValid()))
                .orElse(null);
    }
}
