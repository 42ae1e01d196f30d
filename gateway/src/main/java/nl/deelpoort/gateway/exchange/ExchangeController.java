package nl.deelpoort.gateway.exchange;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.deelpoort.gateway.decision.DecisionView;
import nl.deelpoort.gateway.decision.ExchangeQuestion;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.RequestTrace;
import nl.deelpoort.gateway.web.validation.Values;
import nl.deelpoort.policy.Category;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Evaluate, pull, push, inbox and fetch over HTTP (docs/api.md, "Decisions" and "Exchanging data"):
 * body → {@link ExchangeRequests} → {@link Exchanges} → view. Who may call them (professionals and
 * partner systems) is declared in the security configuration; each needs the caller's
 * organisation. Every answer for which a log entry was written carries its seq as {@code
 * X-Disclosure-Id}, error answers after the commit included.
 */
@RestController
record ExchangeController(ExchangeRequests requests, Exchanges exchanges) {
    @PostMapping("/api/v1/decisions/evaluate")
    DecisionView evaluate(
            Caller caller, @RequestBody(required = false) ExchangeQuestion.Body body, RequestTrace trace) {
        caller.requireOrganisation();
        Exchanges.Evaluated e = exchanges.evaluate(new Exchanges.Call(caller, trace), requests.evaluate(body));
        return DecisionView.of(e.result(), e.disclosureId().orElse(null));
    }

    @PostMapping("/api/v1/disclosures")
    PullView pull(Caller caller, @RequestBody(required = false) ExchangeQuestion.Body body, RequestTrace trace) {
        ExchangeQuestion question = requests.pull(body, caller.requireOrganisation());
        return PullView.of(exchanges.pull(new Exchanges.Call(caller, trace), question));
    }

    @PostMapping("/api/v1/transfers")
    ResponseEntity<TransferCreatedView> push(
            Caller caller, @RequestBody(required = false) ExchangeRequests.TransferBody body, RequestTrace trace) {
        ExchangeRequests.Push push = requests.push(body, caller.requireOrganisation());
        Exchanges.Pushed pushed = exchanges.push(new Exchanges.Call(caller, trace), push);
        return ResponseEntity.created(
                        URI.create("/api/v1/transfers/" + pushed.transfer().id()))
                .body(TransferCreatedView.of(pushed));
    }

    @GetMapping("/api/v1/transfers/inbox")
    InboxView inbox(Caller caller) {
        return new InboxView(exchanges.inbox(caller).stream().map(InboxItem::of).toList());
    }

    @GetMapping("/api/v1/transfers/{id}")
    TransferView fetch(Caller caller, @PathVariable String id, RequestTrace trace) {
        caller.requireOrganisation();
        UUID transferId = Values.uuid(id).orElseThrow(TransferNotFoundException::new);
        return TransferView.of(exchanges.fetch(new Exchanges.Call(caller, trace), transferId));
    }

    /** A pull's answer: the decision as evaluate shows it, and the released sections. */
    record PullView(
            String decision,
            List<Category> released,
            List<DecisionView.Withheld> withheld,
            String flow,
            String agreement,
            String legalBasis,
            List<String> consentIds,
            String overrideId,
            String measureId,
            boolean confidential,
            String policyVersion,
            long disclosureId,
            ObjectNode data) {

        static PullView of(Exchanges.Pulled p) {
            DecisionView d = DecisionView.of(p.result(), p.disclosureId());
            return new PullView(
                    d.decision(),
                    d.released(),
                    d.withheld(),
                    d.flow(),
                    d.agreement(),
                    d.legalBasis(),
                    d.consentIds(),
                    d.overrideId(),
                    d.measureId(),
                    d.confidential(),
                    d.policyVersion(),
                    p.disclosureId(),
                    p.data());
        }
    }

    record TransferCreatedView(
            UUID transferId,
            long disclosureId,
            String decision,
            List<Category> released,
            List<DecisionView.Withheld> withheld,
            String flow,
            String legalBasis,
            boolean confidential,
            Instant expiresAt) {

        static TransferCreatedView of(Exchanges.Pushed p) {
            Transfer t = p.transfer();
            DecisionView d = DecisionView.of(p.result(), t.disclosureSeq());
            return new TransferCreatedView(
                    t.id(),
                    t.disclosureSeq(),
                    d.decision(),
                    d.released(),
                    d.withheld(),
                    d.flow(),
                    d.legalBasis(),
                    d.confidential(),
                    t.expiresAt());
        }
    }

    record InboxView(List<InboxItem> transfers) {}

    /** One transfer in an inbox: metadata only. */
    record InboxItem(
            UUID transferId,
            long disclosureId,
            String sender,
            String senderRole,
            String recipientRole,
            String purpose,
            List<Category> categories,
            boolean confidential,
            Instant createdAt,
            Instant expiresAt) {

        static InboxItem of(Transfer t) {
            return new InboxItem(
                    t.id(),
                    t.disclosureSeq(),
                    t.sender(),
                    t.senderRole(),
                    t.recipientRole(),
                    t.purpose(),
                    t.categories(),
                    t.confidential(),
                    t.createdAt(),
                    t.expiresAt());
        }
    }

    record TransferView(
            UUID transferId,
            long disclosureId,
            long receiptId,
            String sender,
            String senderRole,
            String recipientRole,
            String purpose,
            List<Category> categories,
            String flow,
            String legalBasis,
            boolean confidential,
            Instant createdAt,
            JsonNode data) {

        static TransferView of(Exchanges.Fetched f) {
            Transfer t = f.transfer();
            return new TransferView(
                    t.id(),
                    t.disclosureSeq(),
                    f.receiptId(),
                    t.sender(),
                    t.senderRole(),
                    t.recipientRole(),
                    t.purpose(),
                    t.categories(),
                    t.flow(),
                    t.legalBasis(),
                    t.confidential(),
                    t.createdAt(),
                    f.data());
        }
    }
}
