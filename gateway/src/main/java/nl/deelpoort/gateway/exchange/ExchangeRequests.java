package nl.deelpoort.gateway.exchange;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.deelpoort.gateway.decision.ExchangeQuestion;
import nl.deelpoort.gateway.web.InvalidField;
import nl.deelpoort.gateway.web.InvalidRequestException;
import nl.deelpoort.gateway.web.validation.InputRules;
import nl.deelpoort.gateway.web.validation.KnownOrganisation;
import nl.deelpoort.gateway.web.validation.OneOf;
import nl.deelpoort.gateway.web.validation.RequestValidator;
import nl.deelpoort.gateway.web.validation.UuidText;
import nl.deelpoort.gateway.web.validation.Values;
import nl.deelpoort.policy.ActingRole;
import nl.deelpoort.policy.Category;
import nl.deelpoort.policy.Framework;
import nl.deelpoort.policy.OrganisationId;
import nl.deelpoort.policy.Purpose;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bodies of the exchange endpoints, validated and typed: the wire records' constraints name
 * every broken field at once, together with the rules of a pull and of a push, each written here
 * once. Nothing past this class sees a string the client chose, except a push's sections. The
 * console's forms are turned into these same bodies, so they meet the same rules.
 */
@Component
public final class ExchangeRequests {
    // A class, not a record: it is public, and a record would publish its collaborators as accessors.
    private final RequestValidator validator;
    private final Framework framework;
    private final ExchangeSettings settings;

    ExchangeRequests(RequestValidator validator, Framework framework, ExchangeSettings settings) {
        this.validator = validator;
        this.framework = framework;
        this.settings = settings;
    }

    /** A push's body as clients send it (docs/api.md, "Exchanging data"); sections stay JSON until decided. */
    public record TransferBody(
            @NotNull(message = InputRules.REQUIRED) @Valid ExchangeQuestion.Subject subject,

            @NotBlank(message = InputRules.REQUIRED) @OneOf(Purpose.class)
            String purpose,

            @NotBlank(message = InputRules.REQUIRED) @OneOf(ActingRole.class)
            String actingRole,

            @NotBlank(message = InputRules.REQUIRED) @KnownOrganisation
            String recipient,

            @OneOf(ActingRole.class) String recipientRole,
            @UuidText String overrideId,

            @NotEmpty(message = "name at least one section") Map<String, JsonNode> payload) {}

    /** A push, typed: the caller is the holder, and the payload's sections are the categories asked for. */
    public record Push(ExchangeQuestion question, ObjectNode payload) {}

    public ExchangeQuestion evaluate(ExchangeQuestion.Body body) {
        return validator.valid(body).question();
    }

    /** A pull: a subject, the caller as recipient (filled in when left out), and another organisation as holder. */
    ExchangeQuestion pull(ExchangeQuestion.Body body, OrganisationId caller) {
        ExchangeQuestion.Body asked = body == null ? null : body.withRecipient(caller.value());
        List<InvalidField> problems = new ArrayList<>(validator.problems(asked));
        if (asked != null) {
            if (asked.subject() == null) {
                problems.add(new InvalidField("subject", "is required for a disclosure"));
            }
            if (!caller.value().equals(asked.recipient())) {
                problems.add(new InvalidField("recipient", "is your own organisation on a pull; leave it out"));
            } else if (caller.value().equals(asked.holder())) {
                problems.add(new InvalidField("holder", "must be another organisation than yours"));
            }
        }
        refuseAny(problems);
        return asked.question();
    }

    /** A push: another organisation as recipient, and a payload of sections named by category, within limits. */
    public Push push(TransferBody body, OrganisationId caller) {
        List<InvalidField> problems = new ArrayList<>(validator.problems(body));
        if (body != null) {
            problems.addAll(payloadProblems(body.payload()));
            if (caller.value().equals(body.recipient())) {
                problems.add(new InvalidField("recipient", "must be another organisation than yours"));
            }
            if (framework.organisation(caller).isEmpty()) {
                // The caller is the holder, and a holder is an organisation of the framework.
                problems.add(new InvalidField("holder", InputRules.ORGANISATION));
            }
        }
        refuseAny(problems);
        // The question a push asks: evaluate's, with the caller as holder and the sections as categories.
        ExchangeQuestion question = new ExchangeQuestion.Body(
                        body.subject(),
                        body.purpose(),
                        body.actingRole(),
                        caller.value(),
                        null,
                        body.recipient(),
                        body.recipientRole(),
                        body.payload().keySet().stream()
                                .<JsonNode>map(JsonNodeFactory.instance::stringNode)
                                .toList(),
                        body.overrideId())
                .question();
        return new Push(question, JsonNodeFactory.instance.objectNode().setAll(body.payload()));
    }

    /**
     * Every key names a category and holds a section within {@link PayloadLimits}. A key that is not
     * a category is request content (it could be a BSN): it is named by its position, never repeated.
     */
    private List<InvalidField> payloadProblems(Map<String, JsonNode> payload) {
        List<InvalidField> problems = new ArrayList<>();
        if (payload == null) {
            return problems;
        }
        int position = 0;
        for (Map.Entry<String, JsonNode> section : payload.entrySet()) {
            position++;
            Optional<Category> category = Values.constant(Category.class, section.getKey());
            JsonNode value = section.getValue();
            if (category.isEmpty()) {
                problems.add(new InvalidField(
                        "payload",
                        "a payload key (key " + position + ") is not a data category (one of "
                                + List.of(Category.values()) + ")"));
            } else if (value == null || value.isNull() || value.isMissingNode()) {
                problems.add(new InvalidField("payload." + category.get().name(), "must hold the section's data"));
            } else {
                PayloadLimits.check(
                                value,
                                "payload." + category.get().name(),
                                settings.maxDepth(),
                                settings.maxStringLength())
                        .ifPresent(problems::add);
            }
        }
        return problems;
    }

    private static void refuseAny(List<InvalidField> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
