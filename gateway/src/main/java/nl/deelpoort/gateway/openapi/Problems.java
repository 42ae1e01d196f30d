package nl.deelpoort.gateway.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deelpoort.gateway.web.ProblemTypes;

/**
 * The error answers as the gateway writes them: RFC 9457 problem details ({@code
 * application/problem+json}) with one of the {@link ProblemTypes}, never an {@code instance}, and the
 * members docs/api.md names ({@code invalidFields}, {@code reasons}, {@code disclosureId}, {@code
 * failure}) where they apply.
 */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    static final String SCHEMA = "Problem";

    private Problems() {}

    static void addTo(Components components) {
        components.addSchemas(
                "InvalidField",
                new ObjectSchema()
                        .description("A field that breaks a rule: its JSON path with positions (never its value),"
                                + " and the rule")
                        .addProperty(
                                "field",
                                new StringSchema().description("e.g. categories[0], subject.bsn, payload (key 2)"))
                        .addProperty("problem", new StringSchema().description("the rule it breaks"))
                        .required(List.of("field", "problem")));
        components.addSchemas(
                "ProblemReason",
                new ObjectSchema()
                        .description("Why the framework refused, in Dutch and English")
                        .addProperty("code", new StringSchema().description("a reason code (docs/domain.md)"))
                        .addProperty("message_nl", new StringSchema())
                        .addProperty("message_en", new StringSchema())
                        .required(List.of("code", "message_nl", "message_en")));
        components.addSchemas(
                SCHEMA,
                new ObjectSchema()
                        .description("An RFC 9457 problem detail. It carries no instance and never repeats a value,"
                                + " path segment or JSON key of the request.")
                        .addProperty(
                                "type",
                                new StringSchema()
                                        .format("uri")
                                        .description("A stable urn:deelpoort:problem: URI naming the kind of problem"))
                        .addProperty("title", new StringSchema())
                        .addProperty("status", new IntegerSchema().description("the HTTP status"))
                        .addProperty("detail", new StringSchema())
                        .addProperty(
                                "invalidFields",
                                new ArraySchema()
                                        .items(ref("InvalidField"))
                                        .description("400 and 422: every field that breaks a rule"))
                        .addProperty(
                                "reasons",
                                new ArraySchema()
                                        .items(ref("ProblemReason"))
                                        .description("a refusal of the framework: its reasons"))
                        .addProperty(
                                "disclosureId",
                                new IntegerSchema()
                                        .format("int64")
                                        .description("the log entry of a logged refusal or failed delivery"))
                        .addProperty(
                                "failure",
                                new StringSchema()
                                        .description("502, 504 and no-case-file: how the holder's case"
                                                + " file system failed"))
                        .required(List.of("type", "title", "status", "detail")));
    }

    /** The answer for {@code status}, saying {@code description}, with an example of its problem detail. */
    static ApiResponse response(int status, String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                MEDIA_TYPE,
                                new MediaType()
                                        .schema(ref(SCHEMA))
                                        .addExamples(String.valueOf(status), new Example().value(example(status)))));
    }

    private static Map<String, Object> example(int status) {
        Map<String, Object> problem = new LinkedHashMap<>();
        String[] kind = switch (status) {
            case 400 -> new String[] {"malformed-request", "Malformed request body", "The body is not JSON."};
            case 401 ->
                new String[] {
                    "unauthenticated",
                    "Unauthenticated",
                    "This call needs a bearer access token from the" + " deelpoort realm."
                };
            case 403 -> new String[] {"forbidden", "Forbidden", "Your role does not allow this call."};
            case 404 -> new String[] {"not-found", "Not found", "No such resource."};
            case 409 -> new String[] {"conflict", "Conflict", "This consent was already withdrawn on 2026-11-20."};
            case 413 ->
                new String[] {
                    "payload-too-large",
                    "Payload too large",
                    "Request bodies may be at most 1048576 bytes" + " (1 MiB)."
                };
            case 415 ->
                new String[] {"unsupported-media-type", "Unsupported Media Type", "Send the body as application/json."};
            case 422 -> new String[] {"invalid-request", "Invalid request", "subject.bsn: must be 9 digits"};
            case 502 ->
                new String[] {
                    "case-file-system-failed",
                    "Case file system failed",
                    "The holder's case file system" + " failed. Nothing was released."
                };
            case 503 ->
                new String[] {
                    "log-unavailable",
                    "Log unavailable",
                    "The disclosure log could not record this request, so" + " nothing was released. Try again later."
                };
            case 504 ->
                new String[] {
                    "case-file-system-timeout",
                    "Case file system timed out",
                    "The holder's case file" + " system did not answer in time. Nothing was released."
                };
            default ->
                new String[] {
                    "internal-error",
                    "Internal error",
                    "The gateway could not complete the request. Nothing" + " was released."
                };
        };
        problem.put("type", ProblemTypes.type(kind[0]).toString());
        problem.put("title", kind[1]);
        problem.put("status", status);
        problem.put("detail", kind[2]);
        if (status == 422) {
            problem.put(
                    "invalidFields",
                    List.of(Map.of("field", "subject.bsn", "problem", "must be 9 digits and pass the 11-check")));
        }
        return problem;
    }

    static Schema<?> ref(String name) {
        return new Schema<>().$ref(Schemas.REF + name);
    }
}
