package nl.deelpoort.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Why {@link TracingConfiguration.RecordEverySpan} exists: OpenTelemetry keeps a span's parent only
 * when it records the span, and {@link RequestTrace#parentSpanId} (the caller's operation in the
 * Logboek export) must not depend on the caller's or our sampling. Recorded is not exported, though.
 */
class RecordEverySpanTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00f067aa0ba902b7";

    private final List<SpanData> exported = new ArrayList<>();

    @Test
    void aSpanOfAnUnsampledCallerKeepsItsParentButIsNotExported() {
        io.micrometer.tracing.TraceContext span =
                serverSpan(new TracingConfiguration.RecordEverySpan(Sampler.parentBased(Sampler.alwaysOn())), "00");
        assertThat(span.traceId()).isEqualTo(TRACE);
        assertThat(span.parentId()).isEqualTo(PARENT);
        assertThat(span.sampled()).isFalse();
        assertThat(exported).isEmpty();
    }

    @Test
    void aSpanWeDoNotSampleKeepsItsParentButIsNotExported() {
        io.micrometer.tracing.TraceContext span =
                serverSpan(new TracingConfiguration.RecordEverySpan(Sampler.traceIdRatioBased(0.0)), "01");
        assertThat(span.parentId()).isEqualTo(PARENT);
        assertThat(span.sampled()).isFalse();
        assertThat(exported).isEmpty();
    }

    @Test
    void aSampledSpanIsExportedAsBefore() {
        io.micrometer.tracing.TraceContext span =
                serverSpan(new TracingConfiguration.RecordEverySpan(Sampler.parentBased(Sampler.alwaysOn())), "01");
        assertThat(span.parentId()).isEqualTo(PARENT);
        assertThat(span.sampled()).isTrue();
        assertThat(exported)
                .singleElement()
                .satisfies(s -> assertThat(s.getParentSpanId()).isEqualTo(PARENT));
    }

    @Test
    void withoutItTheParentOfAnUnsampledSpanIsLost() {
        io.micrometer.tracing.TraceContext span = serverSpan(Sampler.parentBased(Sampler.alwaysOn()), "00");
        assertThat(span.traceId()).isEqualTo(TRACE);
        assertThat(span.parentId()).isNull();
    }

    /** A server span continuing {@code 00-TRACE-PARENT-flags}, as Micrometer Tracing sees it. */
    private io.micrometer.tracing.TraceContext serverSpan(Sampler sampler, String flags) {
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .setSampler(sampler)
                .addSpanProcessor(SimpleSpanProcessor.create(new Collecting()))
                .build()) {
            Context caller = W3CTraceContextPropagator.getInstance()
                    .extract(Context.root(), Map.of("traceparent", "00-" + TRACE + "-" + PARENT + "-" + flags), MAP);
            Span span = provider.get("test")
                    .spanBuilder("http post")
                    .setParent(caller)
                    .startSpan();
            io.micrometer.tracing.TraceContext context = OtelSpan.fromOtel(span).context();
            span.end();
            return context;
        }
    }

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final class Collecting implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            exported.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
