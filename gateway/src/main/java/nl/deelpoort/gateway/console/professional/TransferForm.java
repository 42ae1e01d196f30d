package nl.deelpoort.gateway.console.professional;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.deelpoort.gateway.console.professional.ExchangeChoices.Side;
import nl.deelpoort.gateway.decision.ExchangeQuestion;
import nl.deelpoort.gateway.exchange.ExchangeRequests;
import nl.deelpoort.policy.Category;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The "Versturen" form, as posted in each of its steps: typed in step 1, carried in hidden fields of
 * the POST body through step 2 (the check) to the send, so the BSN never enters a URL and nothing
 * is kept on the server between the steps. Each step hands the whole form to the service again,
 * which decides anew: a changed hidden field is just another request.
 *
 * <p>Public, as are the members its templates use: template expressions read public types only.
 *
 * @param recipient organisation and role together ({@link Side})
 * @param senderRole the role the viewer's organisation sends in
 * @param sendBsn {@code "true"} when the BSN itself is one of the sections sent
 * @param sections the text of each other section, by category name; an empty text is not sent
 */
public record TransferForm(
        String recipient,
        String senderRole,
        String purpose,
        String bsn,
        String sendBsn,
        Map<String, String> sections,
        String overrideId) {

    static TransferForm empty(Optional<String> onlyRole) {
        return new TransferForm(null, onlyRole.orElse(null), null, null, null, Map.of(), null);
    }

    public boolean bsnIncluded() {
        return "true".equals(sendBsn);
    }

    /** The typed text of the section {@code category}, or empty. */
    public String section(String category) {
        return sections == null ? "" : sections.getOrDefault(category, "");
    }

    /** The sections with text, as the hidden fields of the steps after the first carry them. */
    public Map<String, String> filled() {
        Map<String, String> filled = new LinkedHashMap<>();
        if (sections != null) {
            sections.forEach((name, text) -> {
                if (text != null && !text.isBlank()) {
                    filled.put(name, text);
                }
            });
        }
        return filled;
    }

    /** The API's push body for this form; each section is sent as the text typed. */
    ExchangeRequests.TransferBody body() {
        Side to = Side.parse(recipient);
        return new ExchangeRequests.TransferBody(
                present(bsn).map(b -> new ExchangeQuestion.Subject(b, null)).orElse(null),
                present(purpose).orElse(null),
                present(senderRole).orElse(null),
                to.organisation().orElse(null),
                to.role().orElse(null),
                present(overrideId).orElse(null),
                payload());
    }

    private Map<String, JsonNode> payload() {
        Map<String, JsonNode> payload = new LinkedHashMap<>();
        if (bsnIncluded()) {
            present(bsn).ifPresent(b -> payload.put(Category.BSN.name(), JsonNodeFactory.instance.stringNode(b)));
        }
        filled().forEach((name, text) -> payload.putIfAbsent(name, JsonNodeFactory.instance.stringNode(text)));
        return payload;
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(s -> !s.isEmpty());
    }
}
