package nl.deelpoort.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import nl.deelpoort.gateway.support.TestValidators;
import nl.deelpoort.gateway.web.validation.RequestValidator;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.FrameworkLoader;
import nl.deelpoort.policy.OrganisationId;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.mock.http.MockHttpInputMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coverage-guided fuzzing (Jazzer) of every JSON request body of the API (the {@code @RequestBody}
 * records of the controllers), through what a controller does with it but without a Spring context
 * per input: the bytes are read by the same message converter over the same {@code JsonMapper} that
 * Spring Boot builds for the gateway ({@code JacksonAutoConfiguration} and {@link JsonSettings}, built
 * once), validated by {@link RequestValidator} with the gateway's constraints and the shipped
 * framework, and turned into the typed command as the controller does. The only outcomes allowed are
 * a command, or the exceptions the gateway's {@code ProblemAdvice} answers with a 4xx: {@link
 * HttpMessageNotReadableException} (400, and its detail must be written without failing) and a
 * {@link ProblemException} of a 4xx status (422 and the features' own refusals). Anything else would
 * reach the advice as an unexpected exception, a 500: a finding.
 *
 * <p>The first byte of an input chooses the body type ({@link #TARGETS}, modulo their number); the
 * rest is the body. In the normal build the kept inputs under {@code
 * src/test/resources/nl/deelpoort/gateway/web/RequestBodyFuzzTestInputs/requestBodies/} are replayed
 * (a valid body of each type as seeds, every finding as a regression input). To fuzz: {@code JAZZER_FUZZ=1
 * ./mvnw -pl gateway test -Dtest=RequestBodyFuzzTest} (docs/reliability.md, "Bad input").
 */
class RequestBodyFuzzTest {

    /** How a wire record turns itself into what its feature takes: {@code command(…)}, or the report's format. */
    private static final List<String> TYPED = List.of("command", "formatOrJson");

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), Framework.ZONE);
    private static final Framework FRAMEWORK = FrameworkLoader.loadDefault();
    private static final RequestValidator VALIDATOR = TestValidators.requestValidator(FRAMEWORK, CLOCK);
    private static final OrganisationId CALLER = OrganisationId.of("gemeente-waalre");
    private static final UUID PATH_ID = UUID.fromString("0b9f3c1e-8a4d-4c1a-9a57-3d2f6f1c0e11");
    private static final JacksonJsonHttpMessageConverter CONVERTER = new JacksonJsonHttpMessageConverter(bootMapper());
    private static final Class<?> EXCHANGE_TYPE = load("nl.deelpoort.gateway.exchange.ExchangeRequests");
    private static final Object EXCHANGE = exchangeRequests();

    /** A body type and what its controller does with it after reading. */
    record Target(String operation, Class<?> type, Function<Object, Object> controller) {}

    static final List<Target> TARGETS = List.of(
            exchange("POST /decisions/evaluate", "nl.deelpoort.gateway.decision.ExchangeQuestion$Body", "evaluate"),
            exchange("POST /disclosures", "nl.deelpoort.gateway.decision.ExchangeQuestion$Body", "pull"),
            exchange("POST /transfers", "nl.deelpoort.gateway.exchange.ExchangeRequests$TransferBody", "push"),
            command("POST /consents", "nl.deelpoort.gateway.grounds.Requests$Consent"),
            command("POST /consents/search", "nl.deelpoort.gateway.grounds.Requests$Search"),
            command("POST /consents/{id}/withdrawal", "nl.deelpoort.gateway.grounds.Requests$Withdrawal"),
            command("POST /overrides", "nl.deelpoort.gateway.grounds.Requests$Override"),
            command("POST /overrides/{id}/review", "nl.deelpoort.gateway.grounds.Requests$Review"),
            command("POST /measures", "nl.deelpoort.gateway.grounds.Requests$Measure"),
            command("POST /audit/disclosures/search", "nl.deelpoort.gateway.audit.AuditRequests$SearchRequest"),
            command("POST /audit/timeline", "nl.deelpoort.gateway.audit.AuditRequests$TimelineRequest"),
            command("POST /audit/sample", "nl.deelpoort.gateway.audit.AuditRequests$SampleRequest"),
            command(
                    "POST /audit/subject-access-report",
                    "nl.deelpoort.gateway.audit.report.SubjectAccessReportController$ReportRequest"),
            command(
                    "POST /audit/subject-access-report/officer-note",
                    "nl.deelpoort.gateway.audit.report.SubjectAccessReportController$NoteRequest"),
            command("POST /audit/subjects/forget", "nl.deelpoort.gateway.logstore.LogAuditController$ForgetRequest"),
            command("POST /admin/organisations", "nl.deelpoort.gateway.onboarding.OnboardingRequest"));

    @FuzzTest(maxDuration = "5m")
    void requestBodies(byte @NotNull [] input) {
        if (input.length == 0) {
            return;
        }
        Target target = TARGETS.get(Byte.toUnsignedInt(input[0]) % TARGETS.size());
        byte[] body = Arrays.copyOfRange(input, 1, input.length);
        Object value;
        try {
            value = body.length == 0 ? null : read(target.type(), body);
        } catch (HttpMessageNotReadableException unreadable) {
            // ProblemAdvice answers 400 with this detail: writing it must not fail either.
            assertThat(MalformedBody.describe(unreadable)).isNotBlank();
            return;
        }
        try {
            assertThat(target.controller().apply(value)).as(target.operation()).isNotNull();
        } catch (ProblemException refused) {
            assertThat(refused.getStatusCode().is4xxClientError())
                    .as(target.operation() + ": " + refused.getBody())
                    .isTrue();
        }
    }

    private static Object read(Class<?> type, byte[] body) {
        MockHttpInputMessage message = new MockHttpInputMessage(body);
        message.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        try {
            return CONVERTER.read(ResolvableType.forClass(type), message, null);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JsonMapper of the running gateway: Spring Boot's auto-configuration with the gateway's customizer. */
    private static JsonMapper bootMapper() {
        JsonMapper[] mapper = new JsonMapper[1];
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withUserConfiguration(JsonSettings.class)
                .run(context -> mapper[0] = context.getBean(JsonMapper.class));
        return mapper[0];
    }

    /** {@code ExchangeRequests} as Spring builds it, with the settings' defaults (its constructor is package-private). */
    private static Object exchangeRequests() {
        try {
            Class<?> settingsType = Class.forName("nl.deelpoort.gateway.exchange.ExchangeSettings");
            Constructor<?> settings = settingsType.getDeclaredConstructors()[0];
            settings.setAccessible(true);
            Object defaults = settings.newInstance(new Object[settings.getParameterCount()]);
            Constructor<?> c =
                    EXCHANGE_TYPE.getDeclaredConstructor(RequestValidator.class, Framework.class, settingsType);
            c.setAccessible(true);
            return c.newInstance(VALIDATOR, FRAMEWORK, defaults);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** evaluate(body), pull(body, caller) or push(body, caller) of {@code ExchangeRequests}, as ExchangeController calls them. */
    private static Target exchange(String operation, String bodyType, String method) {
        Class<?> type = load(bodyType);
        Method m = Arrays.stream(EXCHANGE_TYPE.getDeclaredMethods())
                .filter(candidate -> candidate.getName().equals(method))
                .findFirst()
                .orElseThrow();
        m.setAccessible(true);
        return new Target(
                operation,
                type,
                body -> invoke(
                        m, EXCHANGE, m.getParameterCount() == 1 ? new Object[] {body} : new Object[] {body, CALLER}));
    }

    /**
     * RequestValidator.valid(body), then the record's own {@code command(…)} (a path id where it takes
     * one), as the controllers do.
     */
    private static Target command(String operation, String bodyType) {
        Class<?> type = load(bodyType);
        Method m = Arrays.stream(type.getDeclaredMethods())
                .filter(candidate -> TYPED.contains(candidate.getName()))
                .findFirst()
                .orElse(null);
        if (m == null) {
            // The controller hands the valid record on as it is.
            return new Target(operation, type, VALIDATOR::valid);
        }
        m.setAccessible(true);
        return new Target(
                operation,
                type,
                body -> invoke(
                        m, VALIDATOR.valid(body), m.getParameterCount() == 0 ? new Object[0] : new Object[] {PATH_ID}));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object invoke(Method m, Object target, Object[] args) {
        try {
            return m.invoke(target, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
