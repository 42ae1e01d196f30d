package nl.deelpoort.gateway.population;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import nl.deelpoort.gateway.population.PopulationRegisterException.Failure;
import nl.deelpoort.gateway.resilience.CallGuards;
import nl.deelpoort.gateway.resilience.Guard;
import nl.deelpoort.policy.Bsn;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the BRP API Personen: {@code POST <base>/personen} with {@link BrpQuery} (the BSN in the body, never in a URL),
 * under the guard {@value #GUARD} from {@link CallGuards} (as the case files are): a circuit breaker that opens after
 * {@code failureThreshold} failed calls in a row and lets one trial call through after {@code openFor}, a bulkhead of
 * {@code maxConnections} calls in flight (one more is refused at once), and a time limiter of {@code readTimeout} on
 * the whole exchange. No retries. Error bodies are dropped unread: they may quote the query.
 */
final class BrpClient implements PopulationRegister {

    /** Answers larger than this are refused: one person with birth date, age and gezag is a few kilobytes. */
    static final int MAX_ANSWER = 256 * 1024;

    /** The name of the register's guard, the {@code name} tag of its {@code resilience4j_*} meters. */
    static final String GUARD = "population-register";

    private final PopulationSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final Optional<URI> personen;
    private final BrpCredentials credentials;
    private final Guard guard;
    private final JsonMapper json = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(32)
                            .maxStringLength(MAX_ANSWER)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    BrpClient(PopulationSettings settings, BrpCredentials credentials, Clock clock, CallGuards guards) {
        this.settings = settings;
        this.clock = clock;
        this.credentials = credentials;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.personen = settings.configured()
                ? Optional.of(URI.create(stripSlash(settings.baseUrl().toString()) + "/personen"))
                : Optional.empty();
        this.guard = guards.guard(
                GUARD,
                settings.guardSettings(),
                // A bad answer is the register's fault too; anything not ours (a bug, a local
                // cancellation) says nothing about the register.
                t -> t instanceof PopulationRegisterException,
                t -> !(t instanceof PopulationRegisterException));
    }

    @Override
    public boolean configured() {
        return personen.isPresent();
    }

    @Override
    public WhenUnavailable whenUnavailable() {
        return settings.whenUnavailable();
    }

    @Override
    public RegisterFacts lookUp(Bsn subject) {
        URI uri = personen.orElseThrow(() -> new IllegalStateException("no population register is configured"));
        try {
            return guard.run(() -> call(uri, subject));
        } catch (CallNotPermittedException e) {
            throw new PopulationRegisterException(
                    Failure.CIRCUIT_OPEN, "The population register failed repeatedly and is not called for now.");
        } catch (BulkheadFullException e) {
            throw new PopulationRegisterException(Failure.BUSY, "All connections to the population register are busy.");
        }
    }

    /** The breaker's state, for tests and health views. */
    CircuitBreaker.State circuit() {
        return guard.circuitBreaker().getState();
    }

    private RegisterFacts call(URI uri, Bsn subject) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BrpQuery.body(json, subject)));
        credentials.apply(request);
        // The body is read up to one byte past the limit within the same deadline as the headers.
        AtomicReference<CompletableFuture<Answer>> pending = new AtomicReference<>();
        Answer response;
        try {
            // The request timeout covers the wait for the headers only; the time limiter the body too.
            response = guard.await(() -> {
                pending.set(http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
                        .thenApply(BrpClient::read));
                return pending.get();
            });
        } catch (TimeoutException e) {
            throw new PopulationRegisterException(Failure.TIMEOUT, "The population register did not answer in time.");
        } catch (InterruptedException e) {
            if (pending.get() != null) {
                pending.get().cancel(true);
            }
            Thread.currentThread().interrupt();
            throw new PopulationRegisterException(Failure.TIMEOUT, "Interrupted while waiting for the register.");
        } catch (Exception e) {
            throw transportFailure(e);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new PopulationRegisterException(
                    Failure.AUTHENTICATION,
                    "The population register refused the gateway's credentials (" + status + ").");
        }
        if (status != 200) {
            throw new PopulationRegisterException(
                    Failure.ERROR_STATUS, "The population register answered status " + status + ".");
        }
        if (response.body().length > MAX_ANSWER) {
            throw new PopulationRegisterException(Failure.BAD_ANSWER, "The population register answered too much.");
        }
        return BrpQuery.facts(json, subject, response.body(), clock.instant());
    }

    private record Answer(int statusCode, byte[] body) {}

    private static Answer read(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            // An error body is not read at all: it is dropped unread.
            byte[] body = response.statusCode() == 200 ? in.readNBytes(MAX_ANSWER + 1) : new byte[0];
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static PopulationRegisterException transportFailure(Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return new PopulationRegisterException(
                    Failure.TIMEOUT, "The population register did not answer in time.", cause);
        }
        if (cause instanceof PopulationRegisterException e) {
            return e;
        }
        if (cause instanceof java.io.UncheckedIOException e) {
            cause = e.getCause();
        }
        if (cause instanceof IOException) {
            return new PopulationRegisterException(
                    Failure.UNREACHABLE, "The population register could not be reached.", cause);
        }
        return new PopulationRegisterException(
                Failure.UNREACHABLE, "The call to the population register failed.", cause);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
