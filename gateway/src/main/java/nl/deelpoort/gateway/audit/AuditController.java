package nl.deelpoort.gateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.deelpoort.gateway.audit.AuditQueries.Found;
import nl.deelpoort.gateway.logstore.CheckpointInclusion;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.Organisation;
import nl.deelpoort.policy.OrganisationId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The privacy officers' audit calls (docs/api.md, "Log and audit"); see package-info for the rules. */
@RestController
class AuditController {

    private final AuditRequests requests;
    private final AuditQueries queries;
    private final AuditTrail trail;
    private final CheckpointInclusion inclusion;
    private final Framework framework;

    AuditController(
            AuditRequests requests,
            AuditQueries queries,
            AuditTrail trail,
            CheckpointInclusion auditCheckpointInclusion,
            Framework framework) {
        this.requests = requests;
        this.queries = queries;
        this.trail = trail;
        this.inclusion = auditCheckpointInclusion;
        this.framework = framework;
    }

    record Party(String id, String name, String role) {}

    /**
     * One entry. {@code inclusionVerified}: true/false against the latest signed checkpoint; null when
     * the entry is newer than that checkpoint (no proof exists yet).
     */
    record Hit(
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

    record CheckpointView(long treeSize, boolean signatureValid) {}

    record SearchResponse(
            long disclosureId, int page, int size, boolean hasMore, CheckpointView checkpoint, List<Hit> hits) {}

    /** {@code subjectKnown}: known to the officer's organisation (see {@code SubjectPseudonyms#knownTo}). */
    record TimelineResponse(
            long disclosureId, boolean subjectKnown, boolean truncated, CheckpointView checkpoint, List<Hit> events) {}

    record SampleResponse(
            long disclosureId, String seed, Instant from, Instant to, List<AuditQueries.SampledSubject> subjects) {}

    record Overrides(long declared, long ended, long reviewed, Map<String, Long> verdicts) {}

    record DenialRateView(String organisation, long decisions, long denials, double denialRate) {}

    record StatisticsResponse(
            long disclosureId,
            String organisation,
            Instant from,
            Instant to,
            Map<String, Long> byKind,
            Map<String, Long> byDecision,
            Map<String, Long> byReasonCode,
            Map<String, Long> byPurpose,
            Map<String, Long> byLegalBasis,
            List<AuditQueries.PairCount> byOrganisationPair,
            Overrides overrides,
            AuditQueries.ConsentCounts consents,
            List<DenialRateView> denialRates) {}

    @PostMapping("/api/v1/audit/disclosures/search")
    ResponseEntity<SearchResponse> search(
            @RequestBody(required = false) AuditRequests.SearchRequest body, Caller caller) {
        OrganisationId officerOf = caller.requireOrganisation();
        String organisation = officerOf.value();
        AuditRequests.Paged q = requests.search(body, officerOf);
        long seq = trail.record(
                caller,
                organisation,
                "search",
                q.filter(),
                Map.of("page", Integer.toString(q.page()), "size", Integer.toString(q.size())));
        List<Found> found = q.filter().unknownSubject()
                ? List.of()
                : queries.search(organisation, q.filter(), seq, q.page(), q.size());
        boolean hasMore = found.size() > q.size();
        Optional<CheckpointInclusion.Snapshot> checkpoint = inclusion.latest();
        List<Hit> hits =
                found.stream().limit(q.size()).map(f -> hit(f, checkpoint)).toList();
        return withId(seq, new SearchResponse(seq, q.page(), q.size(), hasMore, view(checkpoint), hits));
    }

    @PostMapping("/api/v1/audit/timeline")
    ResponseEntity<TimelineResponse> timeline(
            @RequestBody(required = false) AuditRequests.TimelineRequest body, Caller caller) {
        OrganisationId officerOf = caller.requireOrganisation();
        String organisation = officerOf.value();
        AuditFilter filter = requests.timeline(body, officerOf);
        long seq = trail.record(caller, organisation, "timeline", filter, Map.of());
        List<Found> found = filter.unknownSubject() ? List.of() : queries.timeline(organisation, filter, seq);
        boolean truncated = found.size() > AuditQueries.TIMELINE_LIMIT;
        Optional<CheckpointInclusion.Snapshot> checkpoint = inclusion.latest();
        List<Hit> events = found.stream()
                .limit(AuditQueries.TIMELINE_LIMIT)
                .map(f -> hit(f, checkpoint))
                .toList();
        return withId(seq, new TimelineResponse(seq, !filter.unknownSubject(), truncated, view(checkpoint), events));
    }

    @PostMapping("/api/v1/audit/sample")
    ResponseEntity<SampleResponse> sample(
            @RequestBody(required = false) AuditRequests.SampleRequest body, Caller caller) {
        String organisation = caller.requireOrganisation().value();
        AuditRequests.Sample s = requests.sample(body);
        long seq = trail.record(
                caller,
                organisation,
                "sample",
                s.period(),
                Map.of("size", Integer.toString(s.size()), "seed", s.seed()));
        return withId(
                seq,
                new SampleResponse(
                        seq,
                        s.seed(),
                        s.period().from(),
                        s.period().to(),
                        queries.sample(organisation, s.period(), seq, s.size(), s.seed())));
    }

    @GetMapping("/api/v1/audit/statistics")
    ResponseEntity<StatisticsResponse> statistics(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Caller caller) {
        String organisation = caller.requireOrganisation().value();
        AuditFilter period = requests.statistics(from, to);
        long seq = trail.record(caller, organisation, "statistics", period, Map.of());
        Map<String, Long> byKind = AuditQueries.asMap(queries.countBy(organisation, period, seq, "kind"));
        Overrides overrides = new Overrides(
                byKind.getOrDefault("OVERRIDE_DECLARED", 0L),
                byKind.getOrDefault("OVERRIDE_ENDED", 0L),
                byKind.getOrDefault("OVERRIDE_REVIEWED", 0L),
                AuditQueries.asMap(queries.countReviewVerdicts(organisation, period, seq)));
        AuditQueries.ConsentCounts consents = queries.consents(organisation, period.from(), period.to());
        List<DenialRateView> rates = queries.denialRates(organisation, period, seq).stream()
                .map(r -> new DenialRateView(
                        r.organisation(), r.decisions(), r.denials(), (double) r.denials() / r.decisions()))
                .toList();
        return withId(
                seq,
                new StatisticsResponse(
                        seq,
                        organisation,
                        period.from(),
                        period.to(),
                        byKind,
                        AuditQueries.asMap(queries.countBy(organisation, period, seq, "decision")),
                        AuditQueries.asMap(queries.countByReasonCode(organisation, period, seq)),
                        AuditQueries.asMap(queries.countBy(organisation, period, seq, "purpose")),
                        AuditQueries.asMap(queries.countBy(organisation, period, seq, "legal_basis")),
                        queries.countByPair(organisation, period, seq),
                        overrides,
                        consents,
                        rates));
    }

    private Hit hit(Found f, Optional<CheckpointInclusion.Snapshot> checkpoint) {
        LogEntry e = f.entry();
        Boolean verified = checkpoint
                .filter(c -> e.seq() < c.treeSize())
                .map(c -> inclusion.verifies(c, e.seq(), f.canonical()))
                .orElse(null);
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

    private static <T> ResponseEntity<T> withId(long seq, T body) {
        return ResponseEntity.ok().header("X-Disclosure-Id", Long.toString(seq)).body(body);
    }
}
