package nl.deelpoort.gateway.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How request bodies are read, stated rather than left to library defaults: a {@code null} for a
 * primitive is an error naming the field (not a silent 0 or false), text after the JSON value is an
 * error, and any exception thrown while building a value is wrapped with its JSON path, so it reaches
 * {@link MalformedBody} as a 400 naming the field instead of escaping as a 500. Unknown properties
 * stay ignored (the contract lets clients send more than the gateway reads).
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
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
