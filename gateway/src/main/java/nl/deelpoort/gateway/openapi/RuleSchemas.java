package nl.deelpoort.gateway.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import nl.deelpoort.gateway.web.validation.FreeText;
import nl.deelpoort.gateway.web.validation.OneOf;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The input rules of the wire records as schema keywords, read from the same constraints that
 * enforce them: {@link OneOf} becomes an {@code enum}, {@link FreeText} a {@code maxLength}, and a
 * constraint that declares its wire form with a {@code @Schema} on its annotation type (a date, a
 * UUID, a BSN, the names of a list's entries) gives that {@code format}, {@code pattern}, {@code
 * enum} and description, on a field or on the items of a list. It also marks the components of a record that Jackson can write as {@code null} (objects,
 * not primitives), for {@link ApiDocument} to say so in the answers' schemas, and stands in for
 * swagger where it cannot read a type: Jackson 3's {@code JsonNode}.
 */
final class RuleSchemas implements ModelConverter {

    /** A scalar member that Jackson writes as {@code null} when it has no value; removed from the document. */
    static final String MAY_BE_NULL = "x-deelpoort-may-be-null";

    private static final Set<String> SCALARS = Set.of("string", "integer", "number", "boolean");
    private static final String REF = "#/components/schemas/";

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Class<?> raw = type.getType() == null
                ? null
                : TypeFactory.defaultInstance().constructType(type.getType()).getRawClass();
        if (raw != null && JsonNode.class.isAssignableFrom(raw)) {
            // Jackson 3's tree, which swagger's Jackson 2 cannot read: any JSON value (a section of a
            // case file, a category name checked by the gateway), or any object.
            return ObjectNode.class.isAssignableFrom(raw) ? new ObjectSchema() : new Schema<>();
        }
        if (!chain.hasNext()) {
            return null;
        }
        Schema<?> resolved = chain.next().resolve(type, context, chain);
        if (resolved == null || raw == null || !raw.isRecord()) {
            return resolved;
        }
        Schema<?> model = resolved.get$ref() != null && resolved.get$ref().startsWith(REF)
                ? context.getDefinedModels().get(resolved.get$ref().substring(REF.length()))
                : resolved;
        if (model == null || model.getProperties() == null) {
            return resolved;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            Schema<?> property = model.getProperties().get(jsonName(component));
            if (property == null) {
                continue;
            }
            describe(property, component.getAnnotations());
            if (component.getAnnotatedType() instanceof AnnotatedParameterizedType list
                    && property.getItems() != null
                    && list.getAnnotatedActualTypeArguments().length == 1) {
                describe(property.getItems(), list.getAnnotatedActualTypeArguments()[0].getAnnotations());
            }
            if (!component.getType().isPrimitive() && isScalar(property)) {
                property.addExtension(MAY_BE_NULL, true);
            }
        }
        return resolved;
    }

    private static void describe(Schema<?> schema, Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof OneOf oneOf) {
                schema.setEnum(null);
                Arrays.stream(oneOf.value().getEnumConstants()).map(Enum::name).forEach(name -> addEnum(schema, name));
            } else if (annotation instanceof FreeText text) {
                schema.setMaxLength(text.max());
            }
            io.swagger.v3.oas.annotations.media.Schema form =
                    annotation.annotationType().getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
            if (form != null) {
                if (form.implementation().isEnum()) {
                    // The names of a list's entries: a fresh schema, the generated one may be shared.
                    StringSchema names = new StringSchema();
                    Arrays.stream(form.implementation().getEnumConstants())
                            .map(c -> ((Enum<?>) c).name())
                            .forEach(names::addEnumItem);
                    if (schema.getItems() != null) {
                        schema.setItems(names);
                    }
                }
                if (!form.format().isEmpty()) {
                    schema.setFormat(form.format());
                }
                if (!form.pattern().isEmpty()) {
                    schema.setPattern(form.pattern());
                }
                if (!form.description().isEmpty() && schema.getDescription() == null) {
                    schema.setDescription(form.description());
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void addEnum(Schema<?> schema, String name) {
        ((Schema<Object>) schema).addEnumItemObject(name);
    }

    static boolean isScalar(Schema<?> schema) {
        if (schema.get$ref() != null) {
            return false;
        }
        Set<String> types = schema.getTypes() != null
                ? schema.getTypes()
                : schema.getType() != null ? Set.of(schema.getType()) : Set.of();
        return !types.isEmpty() && SCALARS.containsAll(types);
    }

    private static String jsonName(RecordComponent component) {
        // Jackson's annotation does not apply to record components, only to what they become.
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
    }
}
