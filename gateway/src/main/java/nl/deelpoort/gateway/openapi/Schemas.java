package nl.deelpoort.gateway.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Whole-document passes over the generated schemas: short names for the components, and saying which
 * members of an answer are always there and which may be {@code null}.
 */
final class Schemas {

    static final String REF = "#/components/schemas/";

    private Schemas() {}

    /**
     * springdoc names each component by its class's full name (so that two records called {@code
     * Subject} stay apart); the document uses the simple name, or, where two classes share it, the
     * enclosing class's name before it ({@code ExchangeQuestionSubject}), without the {@code
     * Controller} or {@code Requests} that only says where it is declared.
     */
    static void shortenNames(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Map<String, Integer> simpleNames = new HashMap<>();
        schemas.keySet().forEach(name -> simpleNames.merge(simple(name), 1, Integer::sum));
        Map<String, String> renamed = new LinkedHashMap<>();
        for (String name : schemas.keySet()) {
            String shortName = simpleNames.get(simple(name)) == 1 ? simple(name) : qualified(name);
            if (renamed.containsValue(shortName)) {
                throw new IllegalStateException(
                        "Two schemas would both be called " + shortName + "; give one a" + " distinct name");
            }
            renamed.put(name, shortName);
        }
        Map<String, Schema> shortened = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> shortened.put(renamed.get(name), schema));
        api.getComponents().setSchemas(shortened);
        everySchema(api, schema -> {
            if (schema.get$ref() != null && schema.get$ref().startsWith(REF)) {
                String target = renamed.get(schema.get$ref().substring(REF.length()));
                if (target != null) {
                    schema.set$ref(REF + target);
                }
            }
        });
    }

    /**
     * Jackson writes every member of an answer, {@code null} included: in an answer's schema every
     * member is required and a member {@link RuleSchemas} marked may be {@code null}. A request's
     * members keep the rules of the records (a {@code null} in a body is refused).
     */
    static void answersAsWritten(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Set<String> requestSide = reachable(api, requestSchemas(api));
        schemas.forEach((name, schema) -> {
            Map<String, Schema> properties = schema.getProperties();
            if (properties == null) {
                return;
            }
            boolean answer = !requestSide.contains(name);
            if (answer) {
                schema.setRequired(new ArrayList<>(properties.keySet()));
            }
            properties.values().forEach(property -> {
                if (property.getExtensions() != null
                        && property.getExtensions().remove(RuleSchemas.MAY_BE_NULL) != null
                        && answer) {
                    mayBeNull(property);
                }
                if (property.getExtensions() != null && property.getExtensions().isEmpty()) {
                    property.setExtensions(null);
                }
            });
        });
    }

    @SuppressWarnings("unchecked")
    private static void mayBeNull(Schema property) {
        Set<String> types =
                new LinkedHashSet<>(property.getTypes() != null ? property.getTypes() : Set.of(property.getType()));
        types.add("null");
        property.setTypes(types);
        property.setType(null);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            property.getEnum().add(null);
        }
    }

    /** Components no operation refers to (types springdoc met but the document replaced or left out). */
    static void dropUnused(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas == null || api.getPaths() == null) {
            return;
        }
        List<Schema> roots = new ArrayList<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> operationSchemas(op, roots::add)));
        Set<String> used = reachable(api, roots);
        schemas.keySet().removeIf(name -> !used.contains(name));
    }

    private static List<Schema> requestSchemas(OpenAPI api) {
        List<Schema> roots = new ArrayList<>();
        if (api.getPaths() == null) {
            return roots;
        }
        api.getPaths()
                .values()
                .forEach(item -> item.readOperations().forEach(op -> {
                    if (op.getRequestBody() != null) {
                        contentSchemas(op.getRequestBody().getContent()).forEach(roots::add);
                    }
                }));
        return roots;
    }

    /** The names of the components {@code roots} refer to, directly or through other components. */
    private static Set<String> reachable(OpenAPI api, List<Schema> roots) {
        Set<String> names = new HashSet<>();
        Deque<Schema> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            walk(todo.pop(), schema -> {
                if (schema.get$ref() != null && schema.get$ref().startsWith(REF)) {
                    String name = schema.get$ref().substring(REF.length());
                    Schema target = api.getComponents().getSchemas().get(name);
                    if (target != null && names.add(name)) {
                        todo.push(target);
                    }
                }
            });
        }
        return names;
    }

    /** Every schema object of the document: components, parameters, bodies, answers and their headers. */
    static void everySchema(OpenAPI api, Consumer<Schema> visit) {
        if (api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().values().forEach(s -> walk(s, visit));
        }
        if (api.getPaths() == null) {
            return;
        }
        for (var item : api.getPaths().values()) {
            for (Operation op : item.readOperations()) {
                operationSchemas(op, s -> walk(s, visit));
            }
        }
    }

    /** The top schemas of an operation: its parameters', its body's and its answers'. */
    private static void operationSchemas(Operation op, Consumer<Schema> visit) {
        if (op.getParameters() != null) {
            op.getParameters().stream().filter(p -> p.getSchema() != null).forEach(p -> visit.accept(p.getSchema()));
        }
        if (op.getRequestBody() != null) {
            contentSchemas(op.getRequestBody().getContent()).forEach(visit);
        }
        if (op.getResponses() != null) {
            op.getResponses()
                    .values()
                    .forEach(r -> contentSchemas(r.getContent()).forEach(visit));
        }
    }

    private static List<Schema> contentSchemas(Content content) {
        List<Schema> schemas = new ArrayList<>();
        if (content != null) {
            content.values().stream().filter(m -> m.getSchema() != null).forEach(m -> schemas.add(m.getSchema()));
        }
        return schemas;
    }

    /** {@code schema} and every schema nested in it (not following references). */
    static void walk(Schema schema, Consumer<Schema> visit) {
        if (schema == null) {
            return;
        }
        visit.accept(schema);
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties()).values().forEach(s -> walk(s, visit));
        }
        walk(schema.getItems(), visit);
        if (schema.getAdditionalProperties() instanceof Schema extra) {
            walk(extra, visit);
        }
        for (List<Schema> group :
                List.of(nonNull(schema.getAllOf()), nonNull(schema.getAnyOf()), nonNull(schema.getOneOf()))) {
            group.forEach(s -> walk(s, visit));
        }
    }

    private static List<Schema> nonNull(List<Schema> list) {
        return list == null ? List.of() : list;
    }

    private static String simple(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** {@code nl.deelpoort.gateway.decision.ExchangeQuestion.Subject} → {@code ExchangeQuestionSubject}. */
    private static String qualified(String name) {
        String[] parts = name.split("\\.");
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() || !Character.isUpperCase(part.charAt(0))) {
                continue;
            }
            if (i < parts.length - 1) {
                part = part.replaceFirst("(Controller|Requests)$", "");
            }
            result.append(part);
        }
        return result.toString();
    }
}
