package nl.deelpoort.casefile.stub;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.common.Json;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The stand-in answers as the BRP API Personen does: every answer validates against the API's published OpenAPI
 * document (kept in {@code brp-api/openapi.yaml}, version 2.7.0), for every person of every household.
 */
class PopulationRegisterStubTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String DOCUMENT = "classpath:brp-api/openapi.yaml";
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDialect(Dialects.getOpenApi31());

    /** What the gateway asks for (gateway: BrpQuery): the BSN to match, birth date, age and authority. */
    private static final List<String> FIELDS = List.of("burgerservicenummer", "geboorte.datum", "leeftijd", "gezag");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> SUBTYPES = discriminatorMappings();

    private static PopulationRegisterStub stub;

    @BeforeAll
    static void start() {
        stub = PopulationRegisterStub.start(0);
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @Test
    void everyPersonOfEveryHouseholdValidatesAgainstTheApisResponseSchema() throws Exception {
        Schema answer = schema("RaadpleegMetBurgerservicenummerResponse");
        for (Households.Person person : Households.people()) {
            HttpResponse<String> response = query(List.of(person.bsn()), FIELDS);
            assertThat(response.statusCode()).as(person.name()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            assertThat(errors(answer, response.body()))
                    .as(person.name() + ": " + response.body())
                    .isEmpty();
        }
    }

    /** The discriminators are followed: a relation of a known type is checked as that type, a date as its kind. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a BSN of two digits|{\"burgerservicenummer\":\"12\"}",
                "a negative age|{\"leeftijd\":-1}",
                "joint authority with one parent|{\"gezag\":[{\"type\":\"GezamenlijkOuderlijkGezag\","
                        + "\"minderjarige\":{\"burgerservicenummer\":\"999990032\"},\"ouders\":[{\"naam\":{}}]}]}",
                "a relation without its minor|{\"gezag\":[{\"type\":\"EenhoofdigOuderlijkGezag\"}]}",
                "undetermined authority without an explanation|{\"gezag\":[{\"type\":\"GezagNietTeBepalen\","
                        + "\"minderjarige\":{\"burgerservicenummer\":\"999990032\"}}]}",
                "a full date without its day|{\"geboorte\":{\"datum\":{\"type\":\"Datum\",\"langFormaat\":\"mei 2012\"}}}"
            })
    void theValidationCatchesAnAnswerThatBreaksTheSchema(String scenario, String persoon) {
        Schema answer = schema("RaadpleegMetBurgerservicenummerResponse");
        String broken = "{\"type\":\"RaadpleegMetBurgerservicenummer\",\"personen\":[" + persoon + "]}";
        assertThat(errors(answer, broken)).as(scenario).isNotEmpty();
    }

    @Test
    void theGatewaysQueryValidatesAgainstTheApisRequestSchema() {
        Schema query = schema("RaadpleegMetBurgerservicenummer");
        String body = Json.write(Map.of(
                "type",
                "RaadpleegMetBurgerservicenummer",
                "burgerservicenummer",
                List.of("999990032"),
                "fields",
                FIELDS));
        assertThat(query.validate(body, InputFormat.JSON)).isEmpty();
        assertThat(query.validate("{\"type\":\"RaadpleegMetBurgerservicenummer\",\"fields\":[]}", InputFormat.JSON))
                .isNotEmpty();
    }

    @Test
    void aChildsAnswerHoldsTheRegistersBirthDateAgeAndAuthority() throws Exception {
        Map<?, ?> julia = onlyPerson(query(List.of("999990305"), FIELDS));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        assertThat(julia.get("leeftijd")).isEqualTo(13);
        assertThat(((Map<?, ?>) ((Map<?, ?>) julia.get("geboorte")).get("datum")).get("datum"))
                .isEqualTo(today.minusDays(Households.DAYS_PAST_BIRTHDAY)
                        .minusYears(13)
                        .toString());
        Map<?, ?> lotte = onlyPerson(query(List.of("999990032"), FIELDS));
        assertThat(((Map<?, ?>) ((Map<?, ?>) lotte.get("geboorte")).get("datum")).get("datum"))
                .as("the case file stub's birth date")
                .isEqualTo("2012-05-01");
        List<?> gezag = (List<?>) lotte.get("gezag");
        assertThat(gezag).singleElement().satisfies(r -> {
            Map<?, ?> relation = (Map<?, ?>) r;
            assertThat(relation.get("type")).isEqualTo("GezamenlijkOuderlijkGezag");
            assertThat((List<?>) relation.get("ouders")).hasSize(2);
        });
        assertThat(lotte.containsKey("naam")).isFalse();
    }

    @Test
    void onlyTheRequestedFieldsAreAnswered() throws Exception {
        Map<?, ?> sem = onlyPerson(query(List.of("999990226"), List.of("geboorte.datum")));
        assertThat(List.copyOf(sem.keySet())).isEqualTo(List.of("geboorte"));
    }

    @Test
    void anUnknownBsnGivesNoPerson() throws Exception {
        HttpResponse<String> response = query(List.of("999990330"), FIELDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat((List<?>) Json.read(response.body(), Map.class).get("personen"))
                .isEmpty();
    }

    @Test
    void aQueryWithoutFieldsIsABadRequestInTheApisFormat() throws Exception {
        HttpResponse<String> response = query(List.of("999990032"), List.of());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(schema("BadRequestFoutbericht").validate(response.body(), InputFormat.JSON))
                .isEmpty();
        assertThat(response.body()).doesNotContain("999990032");
    }

    @Test
    void withoutTheApiKeyTheAnswerIs401() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/personen"))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    private static Map<?, ?> onlyPerson(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        List<?> personen = (List<?>) Json.read(response.body(), Map.class).get("personen");
        assertThat(personen).hasSize(1);
        return (Map<?, ?>) personen.get(0);
    }

    private static HttpResponse<String> query(List<String> bsns, List<String> fields)
            throws IOException, InterruptedException {
        String body =
                Json.write(Map.of("type", PersonenTransformer.QUERY, "burgerservicenummer", bsns, "fields", fields));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/personen"))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header(PopulationRegisterStub.API_KEY_HEADER, PopulationRegisterStub.DEV_API_KEY)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The schema's errors, and those of every nested object whose {@code type} a discriminator of the document maps
     * to a schema: the document models its kinds of date and of gezag relation as {@code allOf} subtypes named by a
     * discriminator mapping, which JSON Schema validation alone does not follow (the validator honours discriminators
     * within {@code oneOf}/{@code anyOf} only), so the subtype is validated here explicitly.
     */
    private static List<Error> errors(Schema schema, String instance) {
        List<Error> errors = new ArrayList<>(schema.validate(instance, InputFormat.JSON));
        subtypes(JSON.readTree(instance), true, errors);
        return errors;
    }

    private static void subtypes(JsonNode node, boolean root, List<Error> errors) {
        if (node.isObject()) {
            String type = node.path("type").asString(null);
            if (!root && type != null && SUBTYPES.containsKey(type)) {
                errors.addAll(schema(SUBTYPES.get(type)).validate(node));
            }
            node.values().forEach(child -> subtypes(child, false, errors));
        } else if (node.isArray()) {
            node.values().forEach(child -> subtypes(child, false, errors));
        }
    }

    /** Every discriminator value of the document's answers, with the schema it names (the queries' own left out). */
    private static Map<String, String> discriminatorMappings() {
        JsonNode schemas;
        try (InputStream in = PopulationRegisterStubTest.class.getResourceAsStream("/brp-api/openapi.yaml")) {
            schemas = new YAMLMapper().readTree(in).path("components").path("schemas");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> mappings = new HashMap<>();
        for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
            if (schema.getKey().equals("PersonenQuery") || schema.getKey().equals("PersonenQueryResponse")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> m :
                    schema.getValue().path("discriminator").path("mapping").properties()) {
                String target = m.getValue().asString().substring("#/components/schemas/".length());
                String earlier = mappings.put(m.getKey(), target);
                assertThat(earlier).as("discriminator value " + m.getKey()).isIn(null, target);
            }
        }
        assertThat(mappings).containsKeys("Datum", "GezamenlijkOuderlijkGezag", "Voogdij", "BekendeDerde");
        return mappings;
    }

    private static Schema schema(String name) {
        return SCHEMAS.getSchema(SchemaLocation.of(DOCUMENT + "#/components/schemas/" + name));
    }
}
