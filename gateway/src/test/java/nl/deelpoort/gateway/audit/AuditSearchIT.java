package nl.deelpoort.gateway.audit;

import static nl.deelpoort.gateway.support.TestBsns.freshBsn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.deelpoort.gateway.logstore.CheckpointInclusion;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.Framework;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The privacy officers' audit with real tokens against the real database. Each test makes its own
 * entries for a fresh subject: a Waalre → PlusTeam escalation question (PlusTeam's officer sees it,
 * Geldrop-Mierlo's does not) and a PlusTeam → Geldrop-Mierlo accountability question (both see it).
 */
class AuditSearchIT extends IntegrationTest {

    private static final String SEARCH = "/api/v1/audit/disclosures/search";

    @Autowired
    SubjectPseudonyms pseudonyms;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CheckpointInclusion inclusion;

    private record Made(String bsn, long escalation, long accountability) {}

    private Made twoQuestions() {
        String bsn = freshBsn();
        long escalation = evaluate(
                "carla.cmd-waalre",
                Map.of(
                        "subject", Map.of("bsn", bsn),
                        "purpose", "ESCALATION",
                        "actingRole", "MUNICIPAL_ACCESS",
                        "holder", "gemeente-waalre",
                        "recipient", "plusteam",
                        "recipientRole", "ADVISOR",
                        "categories", List.of("BSN", "CASE_NOTES")));
        long accountability = evaluate(
                "bram.cmd-gm",
                Map.of(
                        "subject", Map.of("bsn", bsn),
                        "purpose", "ACCOUNTABILITY",
                        "actingRole", "MUNICIPAL_ACCESS",
                        "holder", "plusteam",
                        "recipient", "gemeente-geldrop-mierlo",
                        "categories", List.of("BSN", "CARE_DEPLOYED")));
        return new Made(bsn, escalation, accountability);
    }

    private long evaluate(String user, Map<String, Object> question) {
        Api.Response r = api().post("/api/v1/decisions/evaluate", tokens().user(user), Api.json(question));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("disclosureId").asLong();
    }

    private Api.Response search(String user, Map<String, Object> body) {
        return api().post(SEARCH, tokens().user(user), Api.json(body));
    }

    private static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<Long> seqs(JsonNode hits) {
        List<Long> out = new ArrayList<>();
        hits.forEach(h -> out.add(h.path("seq").asLong()));
        return out;
    }

    private static Map<String, Object> bySubject(String bsn, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", Map.of("bsn", bsn));
        body.put("kind", "EVALUATION");
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    @Test
    void eachOfficerSeesOnlyEntriesOfTheirOwnOrganisationNewestFirst() {
        Made m = twoQuestions();

        JsonNode hanna = ok(search("hanna.fg", bySubject(m.bsn())));
        assertThat(seqs(hanna.path("hits"))).containsExactly(m.accountability(), m.escalation());
        JsonNode first = hanna.path("hits").get(0);
        assertThat(first.path("kind").asString()).isEqualTo("EVALUATION");
        assertThat(first.path("requestingOrganisation").path("id").asString()).isEqualTo("gemeente-geldrop-mierlo");
        assertThat(first.path("requestingOrganisation").path("role").asString()).isEqualTo("MUNICIPAL_ACCESS");
        assertThat(first.path("holder").path("id").asString()).isEqualTo("plusteam");
        assertThat(first.path("purpose").asString()).isEqualTo("ACCOUNTABILITY");
        assertThat(first.path("decision").asString()).isEqualTo("PERMIT");
        assertThat(first.path("categoriesReleased").toString()).contains("CARE_DEPLOYED");
        JsonNode second = hanna.path("hits").get(1);
        assertThat(second.path("decision").asString()).isEqualTo("DENY");
        assertThat(second.path("reasonCodes").toString()).contains("CONSENT_MISSING");

        JsonNode gert = ok(search("gert.fg", bySubject(m.bsn())));
        assertThat(seqs(gert.path("hits")))
                .as("the Waalre → PlusTeam question is none of Geldrop-Mierlo's business")
                .containsExactly(m.accountability());
    }

    @Test
    void filtersNarrowTheHits() {
        Made m = twoQuestions();
        assertThat(seqs(ok(search("hanna.fg", bySubject(m.bsn(), "organisation", "gemeente-waalre")))
                        .path("hits")))
                .containsExactly(m.escalation());
        assertThat(seqs(ok(search("hanna.fg", bySubject(m.bsn(), "reasonCode", "CONSENT_MISSING")))
                        .path("hits")))
                .containsExactly(m.escalation());
        assertThat(seqs(ok(search("hanna.fg", bySubject(m.bsn(), "decision", "PERMIT", "purpose", "ACCOUNTABILITY")))
                        .path("hits")))
                .containsExactly(m.accountability());
        assertThat(seqs(ok(search("hanna.fg", bySubject(m.bsn(), "legalBasis", "CONSENT", "decision", "PERMIT")))
                        .path("hits")))
                .isEmpty();
        String future = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString();
        assertThat(seqs(ok(search("hanna.fg", bySubject(m.bsn(), "from", future)))
                        .path("hits")))
                .isEmpty();
    }

    @Test
    void pagesFollowSeqDescending() {
        Made m = twoQuestions();
        JsonNode page0 = ok(search("hanna.fg", bySubject(m.bsn(), "size", 1, "page", 0)));
        assertThat(seqs(page0.path("hits"))).containsExactly(m.accountability());
        assertThat(page0.path("hasMore").asBoolean()).isTrue();
        JsonNode page1 = ok(search("hanna.fg", bySubject(m.bsn(), "size", 1, "page", 1)));
        assertThat(seqs(page1.path("hits"))).containsExactly(m.escalation());
        assertThat(page1.path("hasMore").asBoolean()).isFalse();
    }

    @Test
    void laterPagesKeepToTheLogAsTheFirstPageSawIt() {
        Made m = twoQuestions();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", Map.of("bsn", m.bsn()));
        body.put("size", 1);
        JsonNode page0 = ok(search("hanna.fg", body));
        assertThat(seqs(page0.path("hits"))).containsExactly(m.accountability());
        body.put("page", 1);
        assertThat(seqs(ok(search("hanna.fg", body)).path("hits")))
                .as("unanchored, the first page's own query about the subject comes first and shifts the pages")
                .containsExactly(m.accountability());
        body.put("beforeSeq", page0.path("disclosureId").asLong());
        assertThat(seqs(ok(search("hanna.fg", body)).path("hits"))).containsExactly(m.escalation());
        body.put("beforeSeq", -1);
        assertThat(search("hanna.fg", body).status()).isEqualTo(422);
    }

    @Test
    void everyQueryIsLoggedWithoutTheBsn() {
        Made m = twoQuestions();
        Api.Response r = search("hanna.fg", bySubject(m.bsn(), "purpose", "ESCALATION"));
        JsonNode body = ok(r);
        long id = Long.parseLong(r.header("X-Disclosure-Id"));
        assertThat(body.path("disclosureId").asLong()).isEqualTo(id);
        assertThat(r.body()).doesNotContain(m.bsn());

        Api.Response logged = api().get("/api/v1/log/entries/" + id, tokens().user("hanna.fg"));
        assertThat(logged.status()).as(logged.body()).isEqualTo(200);
        JsonNode entry = logged.json().path("entry");
        assertThat(entry.path("kind").asString()).isEqualTo("AUDIT_QUERY");
        assertThat(entry.path("requestingOrganisation").asString()).isEqualTo("plusteam");
        assertThat(entry.path("user").asString()).isNotBlank();
        assertThat(entry.path("attributes").path("query").asString()).isEqualTo("search");
        assertThat(entry.path("attributes").path("subject").asString()).isEqualTo("given");
        assertThat(entry.path("attributes").path("purpose").asString()).isEqualTo("ESCALATION");
        assertThat(entry.path("subjectPseudonym").asString())
                .isEqualTo(pseudonyms.existingPseudonym(Bsn.of(m.bsn())).orElseThrow());
        assertThat(entry.path("traceId").asString())
                .as("the query's trace, as every audit query's entry has it")
                .isEqualTo(r.header("traceparent").split("-")[1]);
        assertThat(logged.body()).doesNotContain(m.bsn());
    }

    @Test
    void aMissingBodyIsNamedAsTheBodyAndNothingIsLogged() {
        long size = logSize();
        for (String path : List.of(SEARCH, "/api/v1/audit/timeline", "/api/v1/audit/sample")) {
            Api.Response r = api().post(path, tokens().user("gert.fg"), "");
            assertThat(r.status()).as(path).isEqualTo(422);
            JsonNode field = r.json().path("invalidFields").get(0);
            assertThat(field.path("field").asString()).isEmpty();
            assertThat(field.path("problem").asString()).isEqualTo("a JSON body is required");
        }
        assertThat(logSize()).isEqualTo(size);
    }

    @Test
    void hitsCoveredByTheLatestCheckpointVerifyAndNewerOnesSayNull() throws InterruptedException {
        Made m = twoQuestions();
        JsonNode r = ok(search("hanna.fg", bySubject(m.bsn())));
        // The checkpointer signs every 5 s (application.yml); wait until it covers both entries.
        for (int i = 0; i < 40 && r.path("checkpoint").path("treeSize").asLong() <= m.accountability(); i++) {
            Thread.sleep(500);
            r = ok(search("hanna.fg", bySubject(m.bsn())));
        }
        assertThat(r.path("checkpoint").path("treeSize").asLong()).isGreaterThan(m.accountability());
        assertThat(r.path("checkpoint").path("signatureValid").asBoolean()).isTrue();
        r.path("hits")
                .forEach(
                        h -> assertThat(h.path("inclusionVerified").asBoolean()).isTrue());
        assertThat(r.path("hits").size()).isEqualTo(2);

        Made fresh = twoQuestions();
        JsonNode now = ok(search("hanna.fg", bySubject(fresh.bsn())));
        long treeSize = now.path("checkpoint").path("treeSize").asLong();
        now.path("hits").forEach(h -> {
            if (h.path("seq").asLong() >= treeSize) {
                assertThat(h.path("inclusionVerified").isNull()).isTrue();
            } else {
                assertThat(h.path("inclusionVerified").asBoolean()).isTrue();
            }
        });
    }

    @Test
    void aPeriodSelectsExactlyTheEntriesRegisteredInIt() {
        Made m = twoQuestions();
        Map<Long, Instant> registered = new HashMap<>();
        ok(search("hanna.fg", bySubject(m.bsn())))
                .path("hits")
                .forEach(h -> registered.put(
                        h.path("seq").asLong(),
                        Instant.parse(h.path("registeredAt").asString())));
        Instant escalation = registered.get(m.escalation());
        Instant accountability = registered.get(m.accountability());
        assertThat(accountability).isAfterOrEqualTo(escalation);
        // Windows around both instants, a millisecond (the log's resolution) either side; the expected
        // hits follow from the instants themselves, so the test holds whether or not they are equal.
        for (Instant from : List.of(escalation.minusMillis(1), escalation, escalation.plusMillis(1), accountability)) {
            for (Instant to : List.of(escalation.plusMillis(1), accountability, accountability.plusMillis(1))) {
                if (!to.isAfter(from)) {
                    continue;
                }
                List<Long> expected = new ArrayList<>();
                for (long seq : List.of(m.accountability(), m.escalation())) {
                    Instant at = registered.get(seq);
                    if (!at.isBefore(from) && at.isBefore(to)) {
                        expected.add(seq);
                    }
                }
                assertThat(seqs(ok(search("hanna.fg", bySubject(m.bsn(), "from", from.toString(), "to", to.toString())))
                                .path("hits")))
                        .as("[%s, %s)", from, to)
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void aPageOfProofsReadTogetherStillCatchesAWrongLeaf() throws InterruptedException {
        Made m = twoQuestions();
        CheckpointInclusion.Snapshot c = inclusion.latest().orElseThrow();
        for (int i = 0; i < 40 && c.treeSize() <= m.accountability(); i++) {
            Thread.sleep(500);
            c = inclusion.latest().orElseThrow();
        }
        assertThat(c.treeSize()).isGreaterThan(m.accountability());
        byte[] escalation =
                jdbc.queryForObject("SELECT canonical FROM log_entry WHERE seq = ?", byte[].class, m.escalation());
        byte[] accountability =
                jdbc.queryForObject("SELECT canonical FROM log_entry WHERE seq = ?", byte[].class, m.accountability());
        assertThat(inclusion.verifiesAll(
                        c,
                        List.of(
                                new CheckpointInclusion.Leaf(m.escalation(), escalation),
                                new CheckpointInclusion.Leaf(m.accountability(), escalation),
                                new CheckpointInclusion.Leaf(m.accountability(), accountability))))
                .as("each answer is that entry's own, in the order asked")
                .containsExactly(true, false, true);
    }

    @Test
    void anUnknownSubjectGivesNothingAndGetsNoPseudonym() {
        String bsn = freshBsn();
        JsonNode r = ok(search("gert.fg", Map.of("subject", Map.of("bsn", bsn))));
        assertThat(r.path("hits").size()).isZero();
        assertThat(pseudonyms.existingPseudonym(Bsn.of(bsn))).isEmpty();
    }

    @Test
    void onlyPrivacyOfficersMaySearch() {
        String body = Api.json(Map.of("purpose", "ESCALATION"));
        assertThat(api().post(SEARCH, tokens().user("anna.plusteam"), body).status())
                .isEqualTo(403);
        assertThat(api().post(SEARCH, tokens().user("jan.inwoner"), body).status())
                .isEqualTo(403);
        assertThat(api().post(SEARCH, tokens().user("kees.beheer"), body).status())
                .isEqualTo(403);
        assertThat(api().post(SEARCH, null, body).status()).isEqualTo(401);
        assertThat(api().post("/api/v1/audit/timeline", tokens().user("anna.plusteam"), body)
                        .status())
                .isEqualTo(403);
        assertThat(api().get("/api/v1/audit/statistics?from=2026-01-01&to=2026-03-31", null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void badFiltersAre422NamingTheField() {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", "MAYBE");
        body.put("size", 500);
        body.put("from", "yesterday");
        body.put("organisation", "nobody");
        body.put("subject", Map.of("bsn", "123456789"));
        Api.Response r = search("gert.fg", body);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        r.json().path("invalidFields").forEach(f -> fields.add(f.path("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("decision", "size", "from", "organisation", "subject.bsn");
        assertThat(r.body()).doesNotContain("123456789");
    }

    private long logSize() {
        return jdbc.queryForObject("SELECT count(*) FROM log_entry", Long.class);
    }

    /** Leak 4: the override id filter is logged, so it must be an override id (a UUID), nothing else. */
    @Test
    void anOverrideIdFilterThatIsNoUuidIsRefusedAndNothingLogged() {
        long size = logSize();
        for (String id : List.of("999993653", "bsn-999-993-653", "override-1", "")) {
            Api.Response r = search("gert.fg", Map.of("overrideId", id));
            assertThat(r.status()).as(id).isEqualTo(422);
            assertThat(r.json().path("type").asString()).isEqualTo("urn:deelpoort:problem:invalid-request");
            assertThat(r.json().path("invalidFields").get(0).path("field").asString())
                    .isEqualTo("overrideId");
            assertThat(r.body()).doesNotContain("999993653", "999-993-653");
        }
        assertThat(logSize()).isEqualTo(size);

        String uuid = UUID.randomUUID().toString();
        Api.Response ok = search("gert.fg", Map.of("overrideId", uuid.toUpperCase(java.util.Locale.ROOT)));
        JsonNode body = ok(ok);
        assertThat(body.path("hits").size()).isZero();
        JsonNode logged = api().get(
                        "/api/v1/log/entries/" + body.path("disclosureId").asLong(), tokens().user("gert.fg"))
                .json()
                .path("entry");
        assertThat(logged.path("attributes").path("overrideId").asString()).isEqualTo(uuid);
    }

    /** Leak 4: the sample's seed is logged, so it has a closed format and is never a BSN. */
    @Test
    void aSeedWithABsnIsRefusedAndNothingLogged() {
        long size = logSize();
        for (String seed : List.of("999993653", "999-993-653", "q3-999993653", "999.993.653", "999 993 653")) {
            Api.Response r = api().post(
                            "/api/v1/audit/sample",
                            tokens().user("hanna.fg"),
                            Api.json(Map.of("from", "2026-01-01", "to", "2026-03-31", "size", 10, "seed", seed)));
            assertThat(r.status()).as(seed).isEqualTo(422);
            assertThat(r.json().path("type").asString()).isEqualTo("urn:deelpoort:problem:invalid-request");
            assertThat(r.json().path("invalidFields").get(0).path("field").asString())
                    .isEqualTo("seed");
            assertThat(r.body()).doesNotContain("999993653", "993");
        }
        assertThat(logSize()).isEqualTo(size);
    }

    @Test
    void theTimelineShowsTheSubjectsVisibleEventsInSeqOrder() {
        Made m = twoQuestions();
        Api.Response r = api().post(
                        "/api/v1/audit/timeline",
                        tokens().user("hanna.fg"),
                        Api.json(Map.of("subject", Map.of("bsn", m.bsn()))));
        JsonNode t = ok(r);
        assertThat(seqs(t.path("events"))).containsExactly(m.escalation(), m.accountability());
        assertThat(r.header("X-Disclosure-Id")).isNotBlank();
        JsonNode g = ok(api().post(
                        "/api/v1/audit/timeline",
                        tokens().user("gert.fg"),
                        Api.json(Map.of("subject", Map.of("bsn", m.bsn())))));
        assertThat(seqs(g.path("events"))).containsExactly(m.accountability());
    }

    @Test
    void theSampleIsReproducibleAndCountsTheSubjectsEntries() {
        Instant from = Instant.now().minusSeconds(1);
        Made m = twoQuestions();
        String to = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1).toString();
        Map<String, Object> body =
                Map.of("from", from.atOffset(ZoneOffset.UTC).toString(), "to", to, "size", 200, "seed", "q3-2026");
        JsonNode a = ok(api().post("/api/v1/audit/sample", tokens().user("hanna.fg"), Api.json(body)));
        JsonNode b = ok(api().post("/api/v1/audit/sample", tokens().user("hanna.fg"), Api.json(body)));
        assertThat(a.path("subjects")).isEqualTo(b.path("subjects"));
        String pseudonym = pseudonyms.existingPseudonym(Bsn.of(m.bsn())).orElseThrow();
        List<Long> counts = new ArrayList<>();
        a.path("subjects").forEach(s -> {
            if (s.path("subjectPseudonym").asString().equals(pseudonym)) {
                counts.add(s.path("entries").asLong());
            }
        });
        assertThat(counts).as("both questions, not the officer's own queries").containsExactly(2L);
    }

    @Test
    void statisticsCountTheEntriesOfThePeriodForTheOfficersOrganisation() {
        Instant from = Instant.now().minusMillis(1);
        twoQuestions();
        String query = "?from=" + from.atOffset(ZoneOffset.UTC) + "&to="
                + OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1);
        query = query.replace("+", "%2B");
        Api.Response hr = api().get("/api/v1/audit/statistics" + query, tokens().user("hanna.fg"));
        JsonNode hanna = ok(hr);
        assertThat(hr.header("X-Disclosure-Id")).isNotBlank();
        assertThat(hanna.path("byDecision").path("DENY").asLong()).isEqualTo(1);
        assertThat(hanna.path("byDecision").path("PERMIT").asLong()).isEqualTo(1);
        assertThat(hanna.path("byReasonCode").path("CONSENT_MISSING").asLong()).isEqualTo(1);
        assertThat(hanna.path("byPurpose").path("ESCALATION").asLong()).isEqualTo(1);
        assertThat(hanna.path("byKind").path("EVALUATION").asLong()).isEqualTo(2);
        assertThat(hanna.path("byKind").has("AUDIT_QUERY")).isFalse();
        assertThat(hanna.path("denialRates").toString())
                .contains("\"organisation\":\"gemeente-waalre\",\"decisions\":1,\"denials\":1,\"denialRate\":1.0");
        assertThat(hanna.path("byOrganisationPair").toString())
                .contains("\"requester\":\"gemeente-waalre\",\"recipient\":\"plusteam\",\"count\":1");
        JsonNode overTime = hanna.path("overTime");
        assertThat(overTime.path("unit").asString())
                .as("a period of a second, by day")
                .isEqualTo("DAY");
        long deny = 0;
        long permit = 0;
        for (JsonNode interval : overTime.path("intervals")) {
            deny += interval.path("byDecision").path("DENY").asLong();
            permit += interval.path("byDecision").path("PERMIT").asLong();
        }
        assertThat(List.of(deny, permit)).containsExactly(1L, 1L);

        JsonNode gert = ok(api().get("/api/v1/audit/statistics" + query, tokens().user("gert.fg")));
        assertThat(gert.path("byDecision").path("DENY").asLong()).isZero();
        assertThat(gert.path("byDecision").path("PERMIT").asLong()).isEqualTo(1);
        assertThat(gert.path("byPurpose").has("ESCALATION")).isFalse();

        assertThat(api().get("/api/v1/audit/statistics?from=2026-04-01", tokens().user("gert.fg"))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void consentsGivenWithdrawnAndExpiredInThePeriodAreCountedForHolderAndRecipientSides() {
        // Consents as the consent feature stores them, on a past day no other test touches: the API
        // only records consents from today, and an expiry needs a validity that ended in the period.
        LocalDate day =
                LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(10_000));
        Instant dayStart = day.atStartOfDay(Framework.ZONE).toInstant();
        String expired = consent(day.minusDays(365), day, dayStart.minusSeconds(365L * 86_400));
        String withdrawnEarly = consent(day.minusDays(365), day, dayStart.minusSeconds(365L * 86_400));
        withdraw(withdrawnEarly, dayStart.minusSeconds(10L * 86_400));
        String givenAndWithdrawn = consent(day, day.plusDays(365), dayStart.plusSeconds(36_000));
        withdraw(givenAndWithdrawn, dayStart.plusSeconds(40_000));
        assertThat(List.of(expired, withdrawnEarly, givenAndWithdrawn)).doesNotHaveDuplicates();

        String query = "/api/v1/audit/statistics?from=" + day + "&to=" + day;
        JsonNode hanna = ok(api().get(query, tokens().user("hanna.fg"))).path("consents");
        assertThat(hanna.path("given").asLong()).isEqualTo(1);
        assertThat(hanna.path("withdrawn").asLong()).isEqualTo(1);
        assertThat(hanna.path("expired").asLong())
                .as("the one withdrawn before its end did not expire")
                .isEqualTo(1);
        JsonNode gert = ok(api().get(query, tokens().user("gert.fg"))).path("consents");
        assertThat(gert.path("given").asLong()
                        + gert.path("withdrawn").asLong()
                        + gert.path("expired").asLong())
                .as("Waalre's consent for the PlusTeam is none of Geldrop-Mierlo's business")
                .isZero();
    }

    private String consent(LocalDate from, LocalDate until, Instant recordedAt) {
        String id = UUID.randomUUID().toString();
        jdbc.update(
                "INSERT INTO consent (id, subject_pseudonym, given_by_roles, given_by_names, purposes, recipients,"
                        + " holders, categories, valid_from, valid_until, method, recorded_by_org, recorded_by_user,"
                        + " recorded_at, disclosure_id) VALUES (?::uuid, ?, ARRAY['SUBJECT'], ARRAY[''],"
                        + " ARRAY['ESCALATION'], ARRAY['plusteam'], ARRAY['gemeente-waalre'], ARRAY['BSN'], ?, ?,"
                        + " 'WRITTEN', 'gemeente-waalre', 'test', ?, 0)",
                id,
                "audit-it-" + id,
                from,
                until,
                recordedAt.atOffset(ZoneOffset.UTC));
        return id;
    }

    private void withdraw(String id, Instant at) {
        jdbc.update(
                "INSERT INTO consent_withdrawal (consent_id, withdrawn_at, reason, withdrawn_by_role, recorded_by_org,"
                        + " recorded_by_user, disclosure_id) VALUES (?::uuid, ?, 'test', 'SUBJECT', 'gemeente-waalre',"
                        + " 'test', 0)",
                id,
                at.atOffset(ZoneOffset.UTC));
    }
}
