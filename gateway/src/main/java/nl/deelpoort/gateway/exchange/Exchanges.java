package nl.deelpoort.gateway.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.deelpoort.gateway.decision.DecisionService;
import nl.deelpoort.gateway.decision.ExchangeQuestion;
import nl.deelpoort.gateway.filesystem.CaseFileClient;
import nl.deelpoort.gateway.filesystem.CaseFileException;
import nl.deelpoort.gateway.logstore.DisclosureLog;
import nl.deelpoort.gateway.logstore.LogUnavailableException;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.policy.Bsn;
import nl.deelpoort.policy.Decision;
import nl.deelpoort.policy.DecisionRequest;
import nl.deelpoort.policy.DecisionResult;
import nl.deelpoort.policy.OrganisationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one way through the gateway (docs/design.md, "Shape"): pseudonymise the subject → decide →
 * log the decision and wait for its commit → on DENY refuse (logged) → fetch from the holder, or
 * store for the recipient → release only the released sections. Nothing personal leaves or is
 * stored before its log entry exists. The API's controller and the web console both call it, so a
 * page can do nothing the API could not.
 */
@Service
public final class Exchanges {
    private static final int INBOX_LIMIT = 200;
    private static final Logger log = LoggerFactory.getLogger(Exchanges.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    // A class, not a record: it is public, and a record would publish its collaborators (the log
    // among them) as accessors next to the pipeline.
    private final DecisionService decisions;
    private final DisclosureLog disclosureLog;
    private final CaseFileClient caseFiles;
    private final Transfers transfers;
    private final ExchangeSettings settings;
    private final Clock clock;

    Exchanges(
            DecisionService decisions,
            DisclosureLog disclosureLog,
            CaseFileClient caseFiles,
            Transfers transfers,
            ExchangeSettings settings,
            Clock clock) {
        this.decisions = decisions;
        this.disclosureLog = disclosureLog;
        this.caseFiles = caseFiles;
        this.transfers = transfers;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * One call: who asks, and its request's trace (recorded in every entry; told the seq of each entry
     * written for the answer as soon as it is committed, so that an error after it still carries it).
     */
    public record Call(Caller caller, RequestTrace trace) {}

    /** An evaluation, and the seq of its entry when it was logged. */
    public record Evaluated(DecisionResult result, Optional<Long> disclosureId) {}

    /** A decision that releases something, logged as {@code seq}. */
    private record Decided(DecisionRequest request, DecisionResult result, long seq) {}

    record Pulled(DecisionResult result, long disclosureId, ObjectNode data) {}

    public record Pushed(DecisionResult result, Transfer transfer) {}

    public record Fetched(Transfer transfer, long receiptId, JsonNode data) {}

    /**
     * "May I share this?" A question about a person is itself a processing of their data and is
     * logged (EVALUATION); a general one ("is there a flow at all?") concerns nobody and is not.
     */
    public Evaluated evaluate(Call call, ExchangeQuestion q) {
        DecisionRequest request = decisions.request(call.caller(), q);
        DecisionResult result = decisions.decide(request);
        return new Evaluated(
                result,
                request.subjectPseudonym()
                        .map(p -> log(call, decisions.entry(EntryKind.EVALUATION, call.caller(), request, result))));
    }

    /**
     * Pull: the DISCLOSURE is logged, then the holder's file fetched. A file system failure after the
     * commit is logged as DELIVERY_FAILED, referring to the disclosure; nothing is released.
     */
    Pulled pull(Call call, ExchangeQuestion q) {
        Bsn subject = q.subject().orElseThrow();
        Decided d = decideAndLog(call, q, EntryKind.DISCLOSURE, Optional.empty());
        JsonNode file;
        try {
            file = caseFiles.fetch(q.holder(), subject, call.trace().traceparent());
        } catch (CaseFileException e) {
            logDeliveryFailure(call, d, e);
            throw new DeliveryFailedException(e, d.seq());
        }
        return new Pulled(
                d.result(),
                d.seq(),
                Sections.released(file.get("sections"), d.result().released()));
    }

    /** Push: the TRANSFER is logged (naming the transfer it creates), then the released sections are sealed and stored. */
    public Pushed push(Call call, ExchangeRequests.Push push) {
        ExchangeQuestion q = push.question();
        UUID id = UUID.randomUUID();
        Decided d = decideAndLog(call, q, EntryKind.TRANSFER, Optional.of(id.toString()));
        Instant now = clock.instant();
        Transfer t = new Transfer(
                id,
                d.seq(),
                q.holder().value(),
                q.actingRole().name(),
                q.recipient().value(),
                d.request().recipientRole().name(),
                q.purpose().name(),
                d.result().released().stream().sorted().toList(),
                d.result().flowId().orElse(null),
                d.result().legalBasis().map(Enum::name).orElse(null),
                d.result().confidential(),
                d.request().subjectPseudonym().orElseThrow(),
                now,
                now.plus(settings.undeliveredExpiry()));
        transfers.store(
                t,
                JSON.writeValueAsBytes(
                        Sections.released(push.payload(), d.result().released())));
        return new Pushed(d.result(), t);
    }

    /** The caller's organisation's transfers not fetched yet (metadata only). */
    public List<Transfer> inbox(Caller caller) {
        return transfers.inbox(caller.requireOrganisation(), clock.instant(), INBOX_LIMIT);
    }

    /** Fetch: the RECEIPT is logged before anything is decrypted; the first fetch marks the transfer delivered. */
    public Fetched fetch(Call call, UUID id) {
        OrganisationId organisation = call.caller().requireOrganisation();
        Instant now = clock.instant();
        Transfer t = transfers.forRecipient(id, organisation, now).orElseThrow(TransferNotFoundException::new);
        long receipt = log(
                call,
                t.entry(EntryKind.RECEIPT)
                        .requestingOrganisation(t.recipient())
                        .actingRole(t.recipientRole())
                        .user(call.caller().subject())
                        .client(call.caller().clientId()));
        JsonNode data = JSON.readTree(transfers.open(t));
        transfers.markDelivered(t.id(), now);
        return new Fetched(t, receipt, data);
    }

    /**
     * Decides and logs; {@code reference} (what the entry refers to) only when something is
     * released. A DENY is refused here, after its entry was committed.
     */
    private Decided decideAndLog(Call call, ExchangeQuestion q, EntryKind kind, Optional<String> reference) {
        if (q.subject().isEmpty()) {
            throw new IllegalArgumentException("a pull or push names its subject"); // the request records require it
        }
        DecisionRequest request = decisions.request(call.caller(), q);
        DecisionResult result = decisions.decide(request);
        LogEntry.Builder entry = decisions.entry(kind, call.caller(), request, result);
        if (result.decision() != Decision.DENY) {
            reference.ifPresent(entry::referenceId);
        }
        long seq = log(call, entry);
        if (result.decision() == Decision.DENY) {
            throw new DisclosureDeniedException(result, seq);
        }
        return new Decided(request, result, seq);
    }

    /** Appends the entry, traced, waits for its commit and tells the call its seq. */
    private long log(Call call, LogEntry.Builder entry) {
        return call.trace().logged(disclosureLog.append(traced(call, entry)));
    }

    private void logDeliveryFailure(Call call, Decided d, CaseFileException failure) {
        try {
            disclosureLog.append(traced(
                    call,
                    decisions
                            .entry(EntryKind.DELIVERY_FAILED, call.caller(), d.request(), d.result())
                            .decision(null)
                            .reasonCodes(null)
                            .categoriesReleased(List.of())
                            .referenceId(Long.toString(d.seq()))
                            .attributes(Map.of("failure", failure.failure().name()))));
        } catch (LogUnavailableException e) {
            // The caller gets the file system's failure either way and nothing was released; the
            // DISCLOSURE entry without its DELIVERY_FAILED says more was shared than was: the safe side.
            log.warn("Could not log the delivery failure of disclosure {}: {}", d.seq(), e.getMessage());
        }
    }

    private static LogEntry.Builder traced(Call call, LogEntry.Builder entry) {
        return DisclosureLog.traced(entry, call.trace());
    }
}
