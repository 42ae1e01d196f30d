package nl.deelpoort.gateway.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * How request bodies are read, stated rather than left to library defaults: a {@code null} for a
 * primitive is an error naming the field (not a silent 0 or false), text after the JSON value is an
 * error, and any exception thrown while building a value is wrapped with its JSON path, so it reaches
 * {@link MalformedBody} as a 400 naming the field instead of escaping as a 500. Unknown properties
 * stay ignored (the contract lets clients send more than the gateway reads).
 *
 * <p>A field's JSON type is the contract's: no scalar is coerced into another ({@code "3"} is not
 * a number, {@code 3} not a string, {@code true} neither) and a fraction is not cut to a whole
 * number; a key given twice in one object is an error rather than "the last one wins", so that the
 * gateway and whatever else reads the same body (a proxy, a log) cannot see different requests.
 * MalformedRequestsIT found each of these accepted.
 */
@Configuration(proxyBeanMethods = false)
class JsonSettings {

    @Bean
    JsonMapperBuilderCustomizer strictRequestBodies() {
        return JsonSettings::apply;
    }

    static JsonMapper.Builder apply(JsonMapper.Builder builder) {
        return builder.enable(
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.WRAP_EXCEPTIONS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // A number or a boolean where a string is expected: not a string (Jackson allows it by default).
                .withCoercionConfig(
                        LogicalType.Textual,
                        text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
