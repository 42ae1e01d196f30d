package nl.deelpoort.gateway.console.professional;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.deelpoort.gateway.decision.DecisionView;
import nl.deelpoort.gateway.web.ProblemException;

/**
 * A refusal or failure of the exchange service, for a page in the viewer's language: the problem's
 * stable type chooses a sentence of the professional bundle, and the rules' own reasons (the
 * problem's {@code reasons}, docs/api.md "Common rules") are shown in the viewer's language. The
 * problem's English title and detail are not shown: they are the API's words.
 *
 * <p>Public, as are the members its templates use: template expressions read public types only.
 *
 * @param messageKey the bundle key of the sentence for this kind of problem
 * @param reasons the rules' reasons, in the viewer's language
 * @param disclosureId the log entry of the refused decision, when one was written
 */
public record ExchangeRefusal(int status, String messageKey, List<String> reasons, Optional<Long> disclosureId) {

    private static final String TYPE_PREFIX = "urn:deelpoort:problem:";

    /** The problem types the exchange pages have a sentence for; any other gets a general one. */
    static final Set<String> WORDED = Set.of(
            "disclosure-denied",
            "role-not-held",
            "not-a-party",
            "not-found",
            "organisation-required",
            "invalid-request",
            "log-unavailable");

    /** What the API answers for a transfer id that is not even a UUID: not found. */
    static ExchangeRefusal notFound() {
        return new ExchangeRefusal(404, "exchange.problem.not-found", List.of(), Optional.empty());
    }

    static ExchangeRefusal of(ProblemException problem, PolicyWords words) {
        Map<String, Object> members = problem.getBody().getProperties();
        List<String> reasons = new ArrayList<>();
        Optional<Long> disclosureId = Optional.empty();
        if (members != null) {
            if (members.get("reasons") instanceof List<?> list) {
                for (Object reason : list) {
                    if (reason instanceof DecisionView.ReasonView r) {
                        reasons.add(words.reason(r));
                    }
                }
            }
            if (members.get("disclosureId") instanceof Long seq) {
                disclosureId = Optional.of(seq);
            }
        }
        return new ExchangeRefusal(
                problem.getStatusCode().value(),
                "exchange.problem." + slug(problem.getBody().getType()),
                reasons,
                disclosureId);
    }

    private static String slug(URI type) {
        String t = type == null ? "" : type.toString();
        String slug = t.startsWith(TYPE_PREFIX) ? t.substring(TYPE_PREFIX.length()) : "";
        return WORDED.contains(slug) ? slug : "other";
    }
}
