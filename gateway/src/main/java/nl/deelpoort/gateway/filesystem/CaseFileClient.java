package nl.deelpoort.gateway.filesystem;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import nl.deelpoort.gateway.filesystem.CaseFileException.Failure;
import nl.deelpoort.gateway.resilience.CallGuards;
import nl.deelpoort.gateway.resilience.Guard;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.OrganisationId;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches a subject's case file from its holder: {@code POST <base>/api/<holder>/dossiers/query
 * {"bsn": …}} (the BSN in the body, never in a URL). One HTTP/1.1 client per holder, and per holder
 * a Resilience4j circuit breaker, bulkhead (at most {@code maxConnections} calls in flight, one more
 * is refused) and time limiter; every call is timed by holder and outcome.
 *
 * <p>No retries: a failed call is reported to the caller as it is. (The JDK client itself never
 * retries a POST.) Whatever a file system answers with an error status is dropped unread, apart
 * from the stub's fixed {@code code} on a 404; bodies may hold personal data.
 */
public class CaseFileClient {

    /** Deep enough for any dossier, shallow enough that a hostile answer cannot exhaust the stack. */
    static final int MAX_DEPTH = 64;

    /** The timer of every call, tagged {@code holder} and {@code outcome} (see {@link #outcome}). */
    static final String CALLS = "deelpoort.casefile.calls";

    private final CaseFileSettings settings;
    private final CallGuards guards;
    private final MeterRegistry meters;
    private final HolderTokens tokens;
    private final JsonMapper json;
    private final Map<OrganisationId, Holder> holders = new ConcurrentHashMap<>();

    CaseFileClient(CaseFileSettings settings, Clock clock, CallGuards guards, MeterRegistry meters) {
        this.settings = settings;
        this.guards = guards;
        this.meters = meters;
        Map<OrganisationId, CaseFileSettings.Auth> clients = new HashMap<>();
        settings.holders().forEach((id, own) -> {
            if (own != null
                    && own.auth() != null
                    && own.auth().type() == CaseFileSettings.AuthType.CLIENT_CREDENTIALS) {
                clients.put(OrganisationId.of(id), own.auth());
            }
        });
        this.tokens = new HolderTokens(clients, settings.connectTimeout(), settings.readTimeout(), clock);
        long max = settings.maxResponseSize().toBytes();
        this.json = JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxNestingDepth(MAX_DEPTH)
                                .maxStringLength((int) Math.min(Integer.MAX_VALUE, max))
                                .maxNumberLength(64)
                                .build())
                        .build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        // Fail at start, not on the first pull, when a holder's settings are incomplete.
        settings.holders().keySet().forEach(id -> holder(OrganisationId.of(id)));
    }

    /**
     * The case file the holder keeps on the subject: a JSON object whose {@code sections} is an
     * object. Everything in it is unfiltered; the caller releases from it only what was decided.
     *
     * @param traceparent sent on as W3C trace context, may be null
     * @throws CaseFileException when the file could not be had
     */
    public JsonNode fetch(OrganisationId holderId, Bsn subject, String traceparent) {
        Holder holder = holder(holderId);
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            JsonNode file = holder.guard.run(() -> call(holder, subject, traceparent));
            outcome = "success";
            return file;
        } catch (CallNotPermittedException e) {
            outcome = outcome(Failure.CIRCUIT_OPEN);
            throw new CaseFileException(
                    holderId,
                    Failure.CIRCUIT_OPEN,
                    "The case file system of " + holderId + " failed repeatedly and is not called for now.");
        } catch (BulkheadFullException e) {
            outcome = outcome(Failure.BUSY);
            throw new CaseFileException(
                    holderId, Failure.BUSY, "All connections to the case file system of " + holderId + " are busy.");
        } catch (CaseFileException e) {
            outcome = outcome(e.failure());
            throw e;
        } finally {
            sample.stop(holder.timers.computeIfAbsent(
                    outcome,
                    o -> Timer.builder(CALLS)
                            .description("Calls to the holders' case file systems, by holder and outcome")
                            .tag("holder", holderId.value())
                            .tag("outcome", o)
                            .register(meters)));
        }
    }

    /** A failure's {@code outcome} tag; {@code success} and {@code error} (anything unforeseen) besides. */
    static String outcome(Failure failure) {
        return failure.name().toLowerCase(Locale.ROOT);
    }

    /** The circuit's state for a holder, for health views and tests. */
    CircuitBreaker.State circuit(OrganisationId holderId) {
        return holder(holderId).guard.circuitBreaker().getState();
    }

    private JsonNode call(Holder holder, Bsn subject, String traceparent) {
        OrganisationId id = holder.id;
        if (holder.queryUri.isEmpty()) {
            throw new CaseFileException(id, Failure.UNREACHABLE, "No case file system is configured for " + id + ".");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(holder.queryUri.get())
                .timeout(settings.readTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"bsn\":\"" + subject.value() + "\"}"));
        holder.credentials.authorization().ifPresent(a -> request.header("Authorization", a));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        long limit = settings.maxResponseSize().toBytes();
        AtomicReference<CompletableFuture<HttpResponse<byte[]>>> pending = new AtomicReference<>();
        HttpResponse<byte[]> response;
        try {
            // The request timeout covers the wait for the headers only; the time limiter the body too.
            response = holder.guard.await(() -> {
                pending.set(holder.http.sendAsync(request.build(), info -> new LimitedBody(limit)));
                return pending.get();
            });
        } catch (TimeoutException e) {
            throw new CaseFileException(
                    id, Failure.TIMEOUT, "The case file system of " + id + " did not answer in time.");
        } catch (InterruptedException e) {
            if (pending.get() != null) {
                pending.get().cancel(true);
            }
            Thread.currentThread().interrupt();
            throw new CaseFileException(id, Failure.TIMEOUT, "Interrupted while waiting for " + id + ".");
        } catch (Exception e) {
            throw transportFailure(id, e);
        }
        int status = response.statusCode();
        if (status == 404 && "NO_DOSSIER".equals(errorCode(response.body()))) {
            throw new CaseFileException(
                    id, Failure.NO_CASE_FILE, "The holder " + id + " keeps no file on the subject.");
        }
        if (status < 200 || status > 299) {
            throw new CaseFileException(
                    id, Failure.ERROR_STATUS, "The case file system of " + id + " answered status " + status + ".");
        }
        return caseFile(id, subject, response.body());
    }

    private JsonNode caseFile(OrganisationId id, Bsn subject, byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            // The parser's message quotes the input: keep it out of the exception.
            throw new CaseFileException(
                    id, Failure.BAD_ANSWER, "The case file system of " + id + " answered no valid JSON.");
        }
        if (root == null || !root.isObject() || !root.path("sections").isObject()) {
            throw new CaseFileException(
                    id, Failure.BAD_ANSWER, "The case file system of " + id + " answered without a sections object.");
        }
        // A file of someone else, or of another holder, must never be passed on as this subject's.
        JsonNode bsn = root.get("bsn");
        JsonNode holder = root.get("holder");
        if ((bsn != null && !subject.value().equals(bsn.asString(null)))
                || (holder != null && !id.value().equals(holder.asString(null)))) {
            throw new CaseFileException(
                    id,
                    Failure.BAD_ANSWER,
                    "The case file system of " + id + " answered with a file of another subject or holder.");
        }
        return root;
    }

    private String errorCode(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            return root == null ? null : root.path("code").asString(null);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static CaseFileException transportFailure(OrganisationId id, Throwable cause) {
        while ((cause instanceof ExecutionException || cause instanceof java.util.concurrent.CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpTimeoutException) {
            return new CaseFileException(
                    id, Failure.TIMEOUT, "The case file system of " + id + " did not answer in time.", cause);
        }
        if (cause instanceof LimitedBody.TooLargeException) {
            return new CaseFileException(
                    id, Failure.BAD_ANSWER, "The case file system of " + id + " answered too much.", cause);
        }
        if (cause instanceof IOException) {
            return new CaseFileException(
                    id, Failure.UNREACHABLE, "The case file system of " + id + " could not be reached.", cause);
        }
        return new CaseFileException(
                id, Failure.UNREACHABLE, "The call to the case file system of " + id + " failed.", cause);
    }

    private Holder holder(OrganisationId id) {
        return holders.computeIfAbsent(id, this::newHolder);
    }

    private Holder newHolder(OrganisationId id) {
        CaseFileSettings.Holder own = settings.holders().get(id.value());
        URI base = own != null && own.baseUrl() != null ? own.baseUrl() : settings.defaultBaseUrl();
        Optional<URI> query = Optional.ofNullable(base)
                .map(b -> URI.create(stripSlash(b.toString()) + "/api/" + id.value() + "/dossiers/query"));
        // The client's own steps (reading the answer, feeding the body to LimitedBody, none of which
        // blocks) run on the thread that has the data, its selector, instead of being handed to a
        // cached pool: that hand-off parked and woke a thread twice per call, a fifth of a pull's
        // CPU (docs/benchmarks/exchange.md).
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Runnable::run)
                .build();
        Credentials credentials = Credentials.of(id, own == null ? null : own.auth(), tokens);
        Guard guard = guards.guard(
                "casefile-" + id.value(),
                settings.guardSettings(),
                // "No file on the subject" is an answer, a healthy one; anything not ours says
                // nothing about the holder (a bug, a local cancellation).
                t -> t instanceof CaseFileException e && e.failure() != Failure.NO_CASE_FILE,
                t -> !(t instanceof CaseFileException));
        // The call timer per outcome, made once: registering a meter id per call showed in the pull's profile.
        return new Holder(id, query, http, guard, credentials, new ConcurrentHashMap<>());
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private record Holder(
            OrganisationId id,
            Optional<URI> queryUri,
            HttpClient http,
            Guard guard,
            Credentials credentials,
            Map<String, Timer> timers) {}
}
