package nl.deelpoort.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Spans leave the gateway over OTLP only when an endpoint is configured (docs/observability.md):
 * Spring Boot's tracing auto-configuration with the gateway's own, against a small HTTP server
 * standing in for a collector.
 */
class OtlpExportIT {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    OpenTelemetrySdkAutoConfiguration.class,
                    OpenTelemetryTracingAutoConfiguration.class,
                    OtlpTracingAutoConfiguration.class))
            .withUserConfiguration(TracingConfiguration.class)
            .withPropertyValues("management.tracing.sampling.probability=1.0");

    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer collector;

    @BeforeEach
    void startCollector() throws IOException {
        collector = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        collector.createContext("/", exchange -> {
            received.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                            + exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
    }

    @AfterEach
    void stopCollector() {
        collector.stop(0);
    }

    @Test
    void withoutAnEndpointNothingIsExported() {
        contexts.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(OtlpHttpSpanExporter.class);
            assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();
            endASpan(context.getBean(Tracer.class));
            assertThat(context.getBean(SdkTracerProvider.class)
                            .forceFlush()
                            .join(10, TimeUnit.SECONDS)
                            .isSuccess())
                    .isTrue();
            assertThat(received).isEmpty();
        });
    }

    @Test
    void withAnEndpointSpansGoThereOverOtlpHttp() {
        String endpoint = "http://localhost:" + collector.getAddress().getPort() + "/v1/traces";
        contexts.withPropertyValues("management.opentelemetry.tracing.export.otlp.endpoint=" + endpoint)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(OtlpHttpSpanExporter.class);
                    endASpan(context.getBean(Tracer.class));
                    assertThat(context.getBean(SdkTracerProvider.class)
                                    .forceFlush()
                                    .join(10, TimeUnit.SECONDS)
                                    .isSuccess())
                            .isTrue();
                    assertThat(received).contains("POST /v1/traces application/x-protobuf");
                });
    }

    private static void endASpan(Tracer tracer) {
        tracer.spanBuilder("probe").startSpan().end();
    }
}
