package nl.deelpoort.gateway.exchange;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.deelpoort.gateway.decision.DecisionEntries;
import nl.deelpoort.gateway.decision.DecisionService;
import nl.deelpoort.gateway.decision.DecisionView;
import nl.deelpoort.gateway.decision.ExchangeQuestion;
import nl.deelpoort.gateway.logstore.DisclosureLog;
import nl.deelpoort.gateway.logstore.SubjectPseudonyms;
import nl.deelpoort.gateway.security.Caller;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.gateway.web.TraceContext;
import nl.deelpoort.ledger.EntryKind;
import nl.deelpoort.ledger.LogEntry;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.Decision;
import nl.deelpoort.policy.DecisionRequest;
import nl.deelpoort.policy.DecisionResult;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.OrganisationId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Push (docs/api.md, {@code POST /api/v1/transfers}): the caller, as holder, sends sections of a
 * subject's file to a recipient organisation. Decide → log the TRANSFER and wait for its commit →
 * seal and store only the released sections. The recipient lists its inbox (metadata only) and
 * fetches a transfer; the fetch is logged as a RECEIPT before anything is decrypted.
 */
@RestController
class TransferController {

    static final int INBOX_LIMIT = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Framework framework;
    private final DecisionService decisions;
    private final SubjectPseudonyms pseudonyms;
    private final DisclosureLog disclosureLog;
    private final DecisionEntries entries;
    private final Transfers transfers;
    private final ExchangeSettings settings;
    private final Clock clock;

    TransferController(
            Framework framework,
            DecisionService decisions,
            SubjectPseudonyms pseudonyms,
            DisclosureLog disclosureLog,
            DecisionEntries entries,
            Transfers transfers,
            ExchangeSettings settings,
            Clock clock) {
        this.framework = framework;
        this.decisions = decisions;
        this.pseudonyms = pseudonyms;
        this.disclosureLog = disclosureLog;
        this.entries = entries;
        this.transfers = transfers;
        this.settings = settings;
        this.clock = clock;
    }

    /** The raw body; sections stay JSON trees until the decision says which may be kept. */
    record TransferBody(
            ExchangeQuestion.SubjectBody subject,
            String purpose,
            String actingRole,
            String recipient,
            String recipientRole,
            String overrideId,
            Map<String, JsonNode> payload) {}

    record TransferCreatedView(
            UUID transferId,
            long disclosureId,
            String decision,
            List<Category> released,
            List<DecisionView.Withheld> withheld,
            String flow,
            String legalBasis,
            boolean confidential,
            Instant expiresAt) {}

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

        static InboxItem of(Transfers.Transfer t) {
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

    record InboxView(List<InboxItem> transfers) {}

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
            JsonNode data) {}

    @PostMapping("/api/v1/transfers")
    ResponseEntity<TransferCreatedView> push(
            Caller caller,
            @RequestBody(required = false) TransferBody body,
            HttpServletRequest http,
            HttpServletResponse response) {
        String organisation = caller.requireOrganisation().value();
        ExchangeQuestion question = question(body, organisation);
        String pseudonym = pseudonyms.pseudonym(question.subject().orElseThrow());
        DecisionRequest request = decisions.request(caller, question, Optional.of(pseudonym));
        DecisionResult result = decisions.decide(request);
        TraceContext trace = TraceContext.of(http);
        UUID id = UUID.randomUUID();

        LogEntry.Builder entry = entries.entry(EntryKind.TRANSFER, caller, request, result);
        if (result.decision() != Decision.DENY) {
            entry.referenceId(id.toString());
        }
        long seq = disclosureLog.append(Sharing.traced(entry, trace));
        Sharing.disclosed(response, seq);
        if (result.decision() == Decision.DENY) {
            throw new DisclosureDeniedException(result, seq);
        }

        ObjectNode kept = Sections.released(JSON.valueToTree(body.payload()), result.released());
        Instant now = clock.instant();
        Transfers.Transfer stored = transfers.store(
                new Transfers.Transfer(
                        id,
                        seq,
                        organisation,
                        question.actingRole().name(),
                        question.recipient().value(),
                        request.recipientRole().name(),
                        question.purpose().name(),
                        result.released().stream().sorted().toList(),
                        result.flowId().orElse(null),
                        result.legalBasis().map(Enum::name).orElse(null),
                        result.confidential(),
                        pseudonym,
                        null,
                        now,
                        now.plus(settings.undeliveredExpiry()),
                        null),
                JSON.writeValueAsBytes(kept));
        DecisionView d = DecisionView.of(result, seq);
        return ResponseEntity.created(URI.create("/api/v1/transfers/" + id))
                .body(new TransferCreatedView(
                        id,
                        seq,
                        d.decision(),
                        d.released(),
                        d.withheld(),
                        d.flow(),
                        d.legalBasis(),
                        d.confidential(),
                        stored.expiresAt()));
    }

    @GetMapping("/api/v1/transfers/inbox")
    InboxView inbox(Caller caller) {
        OrganisationId organisation = caller.requireOrganisation();
        return new InboxView(transfers.inbox(organisation, clock.instant(), INBOX_LIMIT).stream()
                .map(InboxItem::of)
                .toList());
    }

    @GetMapping("/api/v1/transfers/{id}")
    TransferView fetch(Caller caller, @PathVariable String id, HttpServletRequest http, HttpServletResponse response) {
        OrganisationId organisation = caller.requireOrganisation();
        UUID transferId = parse(id).orElseThrow(TransferNotFoundException::new);
        Instant now = clock.instant();
        Transfers.Transfer t =
                transfers.forRecipient(transferId, organisation, now).orElseThrow(TransferNotFoundException::new);
        long receipt = disclosureLog.append(Sharing.traced(receiptEntry(caller, t), TraceContext.of(http)));
        Sharing.disclosed(response, receipt);
        JsonNode data = JSON.readTree(transfers.open(t));
        transfers.markDelivered(t.id(), now);
        return new TransferView(
                t.id(),
                t.disclosureSeq(),
                receipt,
                t.sender(),
                t.senderRole(),
                t.recipientRole(),
                t.purpose(),
                t.categories(),
                t.flow(),
                t.legalBasis(),
                t.confidential(),
                t.createdAt(),
                data);
    }

    private LogEntry.Builder receiptEntry(Caller caller, Transfers.Transfer t) {
        return LogEntry.builder(EntryKind.RECEIPT)
                .referenceId(Long.toString(t.disclosureSeq()))
                .purpose(t.purpose())
                .legalBasis(t.legalBasis())
                .flow(t.flow())
                .requestingOrganisation(t.recipient())
                .actingRole(t.recipientRole())
                .user(caller.subject())
                .client(caller.clientId())
                .holder(t.sender())
                .holderRole(t.senderRole())
                .recipient(t.recipient())
                .recipientRole(t.recipientRole())
                .subjectPseudonym(t.subjectPseudonym())
                .categoriesReleased(t.categories().stream().map(Enum::name).toList())
                .confidential(t.confidential())
                .attributes(Map.of("transferId", t.id().toString()));
    }

    /**
     * The question a push asks: the caller is the holder, the categories are the payload's sections.
     * Every broken field, of the question and of the payload, is named at once. A payload key that is
     * not a category is request content (it could be a BSN): it is named by its position among the
     * payload's keys, never repeated.
     */
    private ExchangeQuestion question(TransferBody body, String organisation) {
        if (body == null) {
            throw new InvalidRequestException(List.of(new InvalidField("", "a JSON body is required")));
        }
        List<InvalidField> errors = new ArrayList<>();
        List<JsonNode> categories = new ArrayList<>();
        if (body.payload() == null || body.payload().isEmpty()) {
            errors.add(new InvalidField("payload", "name at least one section"));
        } else {
            int position = 0;
            for (Map.Entry<String, JsonNode> section : body.payload().entrySet()) {
                position++;
                Optional<Category> category = Sections.category(section.getKey());
                if (category.isEmpty()) {
                    errors.add(new InvalidField(
                            "payload",
                            "a payload key (key " + position + ") is not a data category (one of "
                                    + List.of(Category.values()) + ")"));
                    continue;
                }
                // From here on the key is a category name: a closed vocabulary, safe to name.
                String field = "payload." + category.get().name();
                JsonNode value = section.getValue();
                if (value == null || value.isNull() || value.isMissingNode()) {
                    errors.add(new InvalidField(field, "must hold the section's data"));
                } else {
                    categories.add(name(category.get()));
                    PayloadLimits.check(value, field, settings.maxDepth(), settings.maxStringLength())
                            .ifPresent(errors::add);
                }
            }
        }
        if (body.subject() == null) {
            errors.add(new InvalidField("subject", "is required for a transfer"));
        }
        ExchangeQuestion.Body asked = new ExchangeQuestion.Body(
                body.subject(),
                body.purpose(),
                body.actingRole(),
                organisation,
                null,
                body.recipient(),
                body.recipientRole(),
                categories.isEmpty() ? List.of(name(Category.BSN)) : categories,
                body.overrideId());
        ExchangeQuestion question = null;
        try {
            question = ExchangeQuestion.from(asked, framework, Optional.empty());
            if (question.recipient().value().equals(organisation)) {
                errors.add(new InvalidField("recipient", "must be another organisation than yours"));
            }
        } catch (InvalidRequestException e) {
            errors.addAll(0, e.fields());
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return question;
    }

    private static JsonNode name(Category category) {
        return JSON.getNodeFactory().stringNode(category.name());
    }

    private static Optional<UUID> parse(String id) {
        try {
            return id.length() == 36 ? Optional.of(UUID.fromString(id)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
