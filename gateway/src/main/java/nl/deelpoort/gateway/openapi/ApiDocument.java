package nl.deelpoort.gateway.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Completes the generated document: each operation's row of {@link Operations}, the error answers
 * every operation shares (as {@link Problems}), the headers of every answer ({@code API-Version},
 * {@code traceparent}, and {@code X-Disclosure-Id} where a log entry was written), examples from
 * {@code openapi/examples/}, short schema names, and paths relative to the server {@code /api/v1}.
 */
final class ApiDocument implements OpenApiCustomizer {

    static final String BASE = "/api/v" + ApiSettings.MAJOR;

    private static final String API_VERSION = ApiVersionFilter.HEADER;
    private static final String TRACEPARENT = "traceparent";
    private static final String DISCLOSURE_ID = "X-Disclosure-Id";
    private static final String HEADER_REF = "#/components/headers/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiSettings settings;

    ApiDocument(ApiSettings settings) {
        this.settings = settings;
    }

    @Override
    public void customise(OpenAPI api) {
        Schemas.shortenNames(api);
        Schemas.answersAsWritten(api);
        Problems.addTo(api.getComponents());
        addHeaders(api);
        Paths relative = new Paths();
        if (api.getPaths() != null) {
            new TreeMap<>(api.getPaths()).forEach((path, item) -> {
                item.readOperationsMap()
                        .forEach((method, operation) -> Operations.find(method.name(), path)
                                .ifPresent(row -> describe(operation, row, api.getComponents())));
                relative.addPathItem(path.startsWith(BASE) ? path.substring(BASE.length()) : path, item);
            });
        }
        api.setPaths(relative);
        api.setTags(Operations.TAGS.entrySet().stream()
                .map(e -> new Tag().name(e.getKey()).description(e.getValue()))
                .toList());
        Schemas.dropUnused(api);
    }

    private void describe(Operation operation, Operations.Operation row, Components components) {
        operation.operationId(row.id()).summary(row.summary()).tags(List.of(row.tag()));
        boolean body = operation.getRequestBody() != null;
        boolean parameters =
                operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean query = parameters && operation.getParameters().stream().anyMatch(p -> "query".equals(p.getIn()));
        if (body) {
            operation.getRequestBody().required(true);
            if (!row.optional().isEmpty()) {
                loosen(operation, row, components);
            }
            example(row.id() + ".request")
                    .ifPresent(value -> operation
                            .getRequestBody()
                            .getContent()
                            .values()
                            .forEach(m -> m.addExamples(row.id(), new Example().value(value))));
        }
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse(String.valueOf(row.success()), success(operation, row));
        Map<Integer, String> errors = new TreeMap<>();
        if (body || parameters || "POST".equals(row.method())) {
            errors.put(400, "The request could not be read: a malformed URL, parameter or body.");
        }
        errors.put(401, "No valid access token of the realm for this gateway.");
        errors.put(403, "The caller's role does not allow this call.");
        if (body) {
            errors.put(413, "The body is larger than 1 MiB.");
            errors.put(415, "The body is not application/json.");
        }
        if (body || query) {
            errors.put(422, "The request breaks a rule of the contract; invalidFields names every broken field.");
        }
        errors.put(500, "Something unexpected failed; nothing was released.");
        if (row.logged()) {
            errors.put(503, "The disclosure log could not commit; nothing was done or released.");
        }
        row.errors()
                .forEach((status, description) ->
                        errors.merge(status, description, (common, own) -> status == 403 ? common + " " + own : own));
        errors.forEach((status, description) -> responses.addApiResponse(
                String.valueOf(status), Problems.response(status, description).headers(headers(row.logged()))));
        operation.setResponses(responses);
    }

    /** The request body's record with {@code row.optional()} no longer required, as a component of its own. */
    private static void loosen(Operation operation, Operations.Operation row, Components components) {
        for (MediaType media : operation.getRequestBody().getContent().values()) {
            String ref = media.getSchema() == null ? null : media.getSchema().get$ref();
            Schema<?> record = ref == null ? null : components.getSchemas().get(ref.substring(Schemas.REF.length()));
            if (record == null) {
                continue;
            }
            String name = Character.toUpperCase(row.id().charAt(0)) + row.id().substring(1) + "Request";
            Schema<?> loose = new ObjectSchema()
                    .description("As " + ref.substring(Schemas.REF.length()) + "; " + String.join(", ", row.optional())
                            + " may be left out")
                    .properties(record.getProperties())
                    .required(
                            record.getRequired() == null
                                    ? null
                                    : record.getRequired().stream()
                                            .filter(member -> !row.optional().contains(member))
                                            .toList());
            components.addSchemas(name, loose);
            media.setSchema(new Schema<>().$ref(Schemas.REF + name));
        }
    }

    private ApiResponse success(Operation operation, Operations.Operation row) {
        ApiResponse generated = operation.getResponses() == null
                ? null
                : operation.getResponses().values().stream().findFirst().orElse(null);
        Schema<?> schema = generated == null || generated.getContent() == null
                ? null
                : generated.getContent().values().stream()
                        .map(MediaType::getSchema)
                        .filter(s -> s != null)
                        .findFirst()
                        .orElse(null);
        Content content = new Content();
        for (String mediaType : row.produces()) {
            MediaType media = new MediaType().schema(schemaFor(row, mediaType, schema));
            if (mediaType.equals(Operations.JSON)) {
                example(row.id() + ".response")
                        .ifPresent(value -> media.addExamples(row.id(), new Example().value(value)));
            }
            content.addMediaType(mediaType, media);
        }
        Map<String, Header> headers = headers(row.logged());
        if (row.success() == 201) {
            headers.put(
                    "Location",
                    new Header()
                            .description("The created resource")
                            .schema(new StringSchema().format("uri-reference")));
        }
        return new ApiResponse()
                .description(row.successDescription())
                .content(content)
                .headers(headers);
    }

    /** The schema of a success answer in {@code mediaType}: the generated one for JSON, else what the bytes are. */
    private static Schema<?> schemaFor(Operations.Operation row, String mediaType, Schema<?> generated) {
        return switch (mediaType) {
            case Operations.TEXT, Operations.CSV -> new StringSchema();
            case Operations.PDF -> new BinarySchema();
            case Operations.JSON_LINES ->
                row.id().equals("exportLog")
                        ? logExportLine()
                        : new ObjectSchema()
                                .description("One record of Logius Logboek Dataverwerkingen per line; the fields are"
                                        + " mapped in docs/logboek-dataverwerkingen.md");
            default ->
                row.id().equals("reportSubjectAccess")
                        // The controller answers bytes in the format asked for; as JSON, the report object.
                        ? new ObjectSchema().description("The subject-access report (docs/api.md, \"Log and audit\")")
                        : generated;
        };
    }

    /** A line of the log export: an entry in full, or a redacted leaf (docs/api.md, "Log and audit"). */
    private static Schema<?> logExportLine() {
        Schema<?> full = new ObjectSchema()
                .description("An entry of the caller's organisation, in full")
                .addProperty("seq", new IntegerSchema().format("int64"))
                .addProperty("canonical", new StringSchema().description("the entry's canonical bytes, base64"))
                .addProperty("leafHash", new StringSchema().description("RFC 9162 leaf hash, base64"))
                .required(List.of("seq", "canonical", "leafHash"));
        Schema<?> redacted = new ObjectSchema()
                .description("Any other entry: its place and leaf hash only")
                .addProperty("seq", new IntegerSchema().format("int64"))
                .addProperty("leafHash", new StringSchema().description("RFC 9162 leaf hash, base64"))
                .addProperty("redacted", new BooleanSchema()._const(true))
                .required(List.of("seq", "leafHash", "redacted"));
        return new Schema<>().oneOf(List.of(full, redacted));
    }

    private Map<String, Header> headers(boolean logged) {
        Map<String, Header> headers = new java.util.LinkedHashMap<>();
        headers.put(API_VERSION, new Header().$ref(HEADER_REF + API_VERSION));
        headers.put(TRACEPARENT, new Header().$ref(HEADER_REF + TRACEPARENT));
        if (logged) {
            headers.put(DISCLOSURE_ID, new Header().$ref(HEADER_REF + DISCLOSURE_ID));
        }
        return headers;
    }

    private void addHeaders(OpenAPI api) {
        api.getComponents()
                .addHeaders(
                        API_VERSION,
                        new Header()
                                .description("The full version of the contract (API Design Rules, version-header)")
                                .required(true)
                                .schema(new StringSchema().example(settings.version())));
        api.getComponents()
                .addHeaders(
                        TRACEPARENT,
                        new Header()
                                .description("W3C trace context: the gateway's span of this request, in the caller's"
                                        + " trace when the request sent a traceparent")
                                .required(true)
                                .schema(new StringSchema()
                                        .pattern("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$")
                                        .example("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")));
        api.getComponents()
                .addHeaders(
                        DISCLOSURE_ID,
                        new Header()
                                .description("The seq of the log entry this request wrote (present once it is"
                                        + " committed, error answers after the commit included)")
                                .schema(new IntegerSchema().format("int64").example(1234)));
    }

    /** An example kept in {@code openapi/examples/<name>.json}, if there is one. */
    private static Optional<Object> example(String name) {
        ClassPathResource resource = new ClassPathResource("openapi/examples/" + name + ".json");
        if (!resource.exists()) {
            return Optional.empty();
        }
        try (InputStream in = resource.getInputStream()) {
            return Optional.of(JSON.readValue(in, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Example " + name + " cannot be read", e);
        }
    }
}
