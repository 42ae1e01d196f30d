package nl.deelpoort.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.deelpoort.gateway.support.Api;
import nl.deelpoort.gateway.support.IntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what, as ONE table: every endpoint (and an unknown one) against a real token of each
 * kind of caller. No token is 401 everywhere except on the public rows (the OpenAPI document); DENY is the role refusal of the security filter chain
 * (403, type {@code forbidden}, detail {@link ProblemResponses#ROLE_REFUSED}); ALLOW is anything else
 * below 500 (a feature's own 4xx is fine). Calls that would write are sent with a body or parameters
 * that fail validation, so an allowed call ends in a 4xx and writes nothing. The README section "Who
 * may call what" is this table, and so is the set of mappings Spring MVC has under {@code /api}.
 */
class EndpointRolesIT extends IntegrationTest {

    /** One caller of each kind, in the order of the table's columns. */
    enum Who {
        PROFESSIONAL("professional", "anna.plusteam"),
        PRIVACY_OFFICER("privacy-officer", "gert.fg"),
        RESIDENT("resident", "jan.inwoner"),
        GATEWAY_ADMIN("gateway-admin", "kees.beheer"),
        PARTNER_SYSTEM("partner-system", "plusteam-system");

        final String role;
        final String caller;

        Who(String role, String caller) {
            this.role = role;
            this.caller = caller;
        }
    }

    enum Cell {
        ALLOW,
        DENY
    }

    private static final Cell A = Cell.ALLOW;
    private static final Cell D = Cell.DENY;

    /** An id no row of the database has. */
    private static final String ID = "00000000-0000-4000-8000-00000000dead";

    /**
     * @param pattern the controller's mapping, as the README shows it
     * @param probe the path actually called (variables filled, parameters that fail validation)
     * @param body for a POST: harmless (fails validation); null for a GET
     * @param writes an allowed call must end in a 4xx, since a 2xx would have written something
     * @param open the call needs no token at all
     */
    record Row(
            String method, String pattern, String probe, String body, boolean writes, boolean open, List<Cell> cells) {

        Cell cell(Who who) {
            return cells.get(who.ordinal());
        }
    }

    static final List<Row> TABLE = List.of(
            open("/api/v1/openapi.json"),
            open("/api/v1/openapi.json.yaml"),
            get("/api/v1/me", A, A, A, A, A),
            get("/api/v1/me/disclosures", D, D, A, D, D),
            get("/api/v1/me/consents", D, D, A, D, D),
            post(
                    "/api/v1/me/consents/{id}/withdrawal",
                    "/api/v1/me/consents/" + ID + "/withdrawal",
                    "{}",
                    D,
                    D,
                    A,
                    D,
                    D),
            get("/api/v1/agreements", A, A, A, A, A),
            get("/api/v1/register", A, A, A, A, A),
            get("/api/v1/log/checkpoint", A, A, A, A, A),
            get("/api/v1/log/public-key", A, A, A, A, A),
            get("/api/v1/log/entries/{seq}", "/api/v1/log/entries/0", D, A, D, A, D),
            get("/api/v1/log/entries/{seq}/inclusion-proof", "/api/v1/log/entries/0/inclusion-proof", D, A, D, A, D),
            get("/api/v1/log/consistency-proof", "/api/v1/log/consistency-proof?from=0", D, A, D, A, D),
            get("/api/v1/log/export", "/api/v1/log/export?fromSeq=0&toSeq=0", D, A, D, A, D),
            get("/api/v1/audit/integrity", D, A, D, A, D),
            getInvalid("/api/v1/audit/statistics", "/api/v1/audit/statistics?from=never", D, A, D, D, D),
            getInvalid("/api/v1/audit/export/logboek", "/api/v1/audit/export/logboek?from=never", D, A, D, D, D),
            post("/api/v1/audit/disclosures/search", "{\"size\": 0}", D, A, D, D, D),
            post("/api/v1/audit/timeline", "{}", D, A, D, D, D),
            post("/api/v1/audit/sample", "{}", D, A, D, D, D),
            post("/api/v1/audit/subject-access-report", "{}", D, A, D, D, D),
            post("/api/v1/audit/subject-access-report/officer-note", "{}", D, A, D, D, D),
            post("/api/v1/audit/subjects/forget", "{}", D, A, D, D, D),
            post("/api/v1/decisions/evaluate", "{}", A, D, D, D, A),
            post("/api/v1/disclosures", "{}", A, D, D, D, A),
            post("/api/v1/transfers", "{}", A, D, D, D, A),
            get("/api/v1/transfers/inbox", A, D, D, D, A),
            get("/api/v1/transfers/{id}", "/api/v1/transfers/" + ID, A, D, D, D, A),
            post("/api/v1/consents", "{}", A, D, D, D, D),
            post("/api/v1/consents/search", "{}", A, A, D, D, D),
            get("/api/v1/consents/unverified", D, A, D, D, D),
            get("/api/v1/consents/{id}", "/api/v1/consents/" + ID, A, A, D, D, D),
            post("/api/v1/consents/{id}/withdrawal", "/api/v1/consents/" + ID + "/withdrawal", "{}", A, D, D, D, D),
            post("/api/v1/overrides", "{}", A, D, D, D, D),
            post("/api/v1/overrides/{id}/end", "/api/v1/overrides/" + ID + "/end", "{}", A, D, D, D, D),
            getInvalid("/api/v1/overrides", "/api/v1/overrides?reviewStatus=MAYBE", D, A, D, D, D),
            post("/api/v1/overrides/{id}/review", "/api/v1/overrides/" + ID + "/review", "{}", D, A, D, D, D),
            post("/api/v1/measures", "{}", A, D, D, D, D),
            post("/api/v1/measures/{id}/end", "/api/v1/measures/" + ID + "/end", "{}", A, D, D, D, D),
            post("/api/v1/admin/organisations", "{\"id\": \"not-an-id-\", \"name\": \"\"}", D, D, D, A, D),
            // Fail closed: a path no rule names is refused to every caller, whatever its roles.
            get("/api/v1/nothing", D, D, D, D, D));

    private static final String UNKNOWN = "/api/v1/nothing";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<Who, String> TOKENS = new ConcurrentHashMap<>();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @TestFactory
    Stream<DynamicTest> everyCellOfTheTable() {
        return TABLE.stream()
                .flatMap(row -> Stream.concat(
                        Stream.of(dynamicTest(
                                row.method() + " " + row.probe() + " without a token → " + (row.open() ? 200 : 401),
                                () -> assertUnauthenticated(row))),
                        Arrays.stream(Who.values())
                                .map(who -> dynamicTest(
                                        row.method() + " " + row.probe() + " as " + who.caller + " (" + who.role
                                                + ") → " + row.cell(who),
                                        () -> assertCell(row, who)))));
    }

    @Test
    void theTableCoversEveryApiMappingOfSpringMvc() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + pattern));
                }
            }
        }
        Set<String> tabled = TABLE.stream()
                .filter(r -> !r.pattern().equals(UNKNOWN))
                .map(r -> r.method() + " " + r.pattern())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(tabled).isEqualTo(mapped);
    }

    @Test
    void theReadmeSectionIsThisTable() throws IOException {
        List<String> expected = new ArrayList<>();
        expected.add("| method | path | "
                + Arrays.stream(Who.values()).map(w -> w.role).collect(Collectors.joining(" | ")) + " |");
        TABLE.stream().map(EndpointRolesIT::markdown).forEach(expected::add);
        assertThat(readmeRows()).isEqualTo(expected);
    }

    private void assertUnauthenticated(Row row) {
        Api.Response r = call(row, null);
        if (row.open()) {
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            return;
        }
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        JsonNode body = problem(r);
        assertThat(body.path("type").asString()).isEqualTo("urn:deelpoort:problem:unauthenticated");
    }

    private void assertCell(Row row, Who who) {
        Api.Response r = call(row, TOKENS.computeIfAbsent(who, EndpointRolesIT::token));
        if (row.cell(who) == Cell.DENY) {
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(roleRefusal(r)).as(r.body()).isTrue();
            return;
        }
        assertThat(r.status()).as(r.body()).isNotEqualTo(401).isLessThan(500);
        assertThat(r.status() == 403 && roleRefusal(r)).as(r.body()).isFalse();
        if (row.writes()) {
            assertThat(r.status())
                    .as("an allowed call that would write must fail validation: " + r.body())
                    .isBetween(400, 499);
        }
        if (r.contentType().startsWith("application/problem+json")) {
            problem(r);
        }
    }

    private static boolean roleRefusal(Api.Response r) {
        if (!r.contentType().startsWith("application/problem+json")) {
            return false;
        }
        JsonNode body = problem(r);
        return body.path("type").asString().equals("urn:deelpoort:problem:forbidden")
                && body.path("detail").asString().equals(ProblemResponses.ROLE_REFUSED);
    }

    private static JsonNode problem(Api.Response r) {
        assertThat(r.contentType()).as(r.body()).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.has("instance")).as(r.body()).isFalse();
        return body;
    }

    private Api.Response call(Row row, String token) {
        return row.method().equals("GET") ? api().get(row.probe(), token) : api().post(row.probe(), token, row.body());
    }

    private static String token(Who who) {
        return who == Who.PARTNER_SYSTEM ? tokens().system("plusteam") : tokens().user(who.caller);
    }

    // The README's rendering: | `GET` | `/api/v1/me` | ✓ | ✓ | — | … |, a public row's path marked (no token)
    private static String markdown(Row row) {
        return "| `" + row.method() + "` | `" + row.pattern() + "`" + (row.open() ? " (no token)" : "") + " | "
                + row.cells().stream().map(c -> c == Cell.ALLOW ? "✓" : "—").collect(Collectors.joining(" | "))
                + " |";
    }

    private static List<String> readmeRows() throws IOException {
        Path readme = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && readme == null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("gateway"))) {
                readme = dir.resolve("README.md");
            }
        }
        assertThat(readme).as("README.md of the project").isNotNull();
        List<String> rows = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Who may call what");
            } else if (inSection && (line.startsWith("| `") || line.startsWith("| method |"))) {
                rows.add(line.strip());
            }
        }
        return rows;
    }

    private static Row get(String path, Cell... cells) {
        return get(path, path, cells);
    }

    private static Row get(String pattern, String probe, Cell... cells) {
        return new Row("GET", pattern, probe, null, false, false, cells(cells));
    }

    private static Row open(String path) {
        return new Row("GET", path, path, null, false, true, cells(A, A, A, A, A));
    }

    private static Row getInvalid(String pattern, String probe, Cell... cells) {
        return new Row("GET", pattern, probe, null, true, false, cells(cells));
    }

    private static Row post(String path, String body, Cell... cells) {
        return post(path, path, body, cells);
    }

    private static Row post(String pattern, String probe, String body, Cell... cells) {
        return new Row("POST", pattern, probe, body, true, false, cells(cells));
    }

    private static List<Cell> cells(Cell... cells) {
        assertThat(cells).hasSize(Who.values().length);
        return List.of(cells);
    }
}
