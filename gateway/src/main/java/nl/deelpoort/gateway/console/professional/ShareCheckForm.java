package nl.deelpoort.gateway.console.professional;

import java.util.List;
import java.util.Optional;
import nl.deelpoort.gateway.console.professional.ExchangeChoices.Side;
import nl.deelpoort.gateway.decision.ExchangeQuestion;
import nl.deelpoort.policy.OrganisationId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The "may I share this?" form as posted. The BSN travels only in this POST body, never in a URL.
 *
 * <p>Public, as are the members its templates use: template expressions read public types only.
 *
 * @param holder the holding side, organisation and role together ({@link Side})
 * @param recipient the receiving side, likewise
 * @param bsn optional: without it the question is general and nothing is logged
 */
public record ShareCheckForm(
        String purpose, String holder, String recipient, List<String> categories, String bsn, String overrideId) {

    /** The form as it opens: the viewer's own organisation as holder. */
    static ShareCheckForm opening(Optional<String> ownSide) {
        return new ShareCheckForm(null, ownSide.orElse(null), null, List.of(), null, null);
    }

    public boolean checked(String category) {
        return categories != null && categories.contains(category);
    }

    /**
     * The API's evaluate body for this form. The viewer acts in the role chosen on their own side:
     * the recipient's when only the recipient is their organisation, else the holder's (if neither
     * side is theirs, the service refuses: not a party).
     */
    ExchangeQuestion.Body body(OrganisationId own) {
        Side h = Side.parse(holder);
        Side r = Side.parse(recipient);
        Side mine = ownSide(own).equals("recipient") ? r : h;
        return new ExchangeQuestion.Body(
                present(bsn).map(b -> new ExchangeQuestion.Subject(b, null)).orElse(null),
                present(purpose).orElse(null),
                mine.role().orElse(null),
                h.organisation().orElse(null),
                h.role().orElse(null),
                r.organisation().orElse(null),
                r.role().orElse(null),
                categories == null || categories.isEmpty()
                        ? null
                        : categories.stream()
                                .<JsonNode>map(JsonNodeFactory.instance::stringNode)
                                .toList(),
                present(overrideId).orElse(null));
    }

    /** The form field ({@code holder} or {@code recipient}) in which the viewer chose their own role. */
    String ownSide(OrganisationId own) {
        return Side.parse(recipient).is(own) && !Side.parse(holder).is(own) ? "recipient" : "holder";
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(s -> !s.isEmpty());
    }
}
