package nl.deelpoort.gateway.web;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tracing is Spring Boot's (Micrometer Tracing over OpenTelemetry, W3C propagation,
 * docs/observability.md); this only makes sure that every span is <em>recorded</em>, whatever the
 * sampler decides about exporting it. OpenTelemetry keeps the parent of a span only when it records
 * it, and a log entry names the caller's span ({@link RequestTrace#parentSpanId}) also when the
 * caller did not sample its trace (flags {@code 00}) or the sampling probability is below 1.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    /** Wraps the sampler Spring Boot configured ({@code management.opentelemetry.tracing.sampler}). */
    @Bean
    static BeanPostProcessor recordEverySpan() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof Sampler s && !(bean instanceof RecordEverySpan) ? new RecordEverySpan(s) : bean;
            }
        };
    }

    /**
     * A span the sampler drops is recorded all the same, but not sampled: its flags stay {@code 00}
     * and the span processor does not export it.
     */
    record RecordEverySpan(Sampler sampler) implements Sampler {
        @Override
        public SamplingResult shouldSample(
                Context parentContext,
                String traceId,
                String name,
                SpanKind spanKind,
                Attributes attributes,
                List<LinkData> parentLinks) {
            SamplingResult result =
                    sampler.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
            return result.getDecision() == SamplingDecision.DROP ? SamplingResult.recordOnly() : result;
        }

        @Override
        public String getDescription() {
            return "RecordEverySpan{" + sampler.getDescription() + "}";
        }
    }
}
