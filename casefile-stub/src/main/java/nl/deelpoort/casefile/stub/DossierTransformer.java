package nl.deelpoort.casefile.stub;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.common.JsonException;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers the catch-all dossier mapping: checks holder, body and BSN, then serves a synthetic dossier.
 *
 * <p>Validation lives here rather than in WireMock request matchers because "malformed JSON", "no valid BSN" and
 * "unknown holder" each need their own status, and a matcher can only say yes or no. The demo mappings sit at a higher
 * priority and only match well-formed bodies of known holders, so everything they do not claim arrives here.
 */
final class DossierTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "casefile-dossier";

    private static final Pattern QUERY_PATH = Pattern.compile("^/api/([^/?#]+)/dossiers/query(?:\\?.*)?$");

    private final Set<String> holders;
    private final SyntheticDossiers dossiers;
    private final Clock clock;

    DossierTransformer(Set<String> holders, SyntheticDossiers dossiers, Clock clock) {
        this.holders = Set.copyOf(holders);
        this.dossiers = dossiers;
        this.clock = clock;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        // Only the catch-all mapping names this transformer; fault mappings added by tests must stay untouched.
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        Matcher path = QUERY_PATH.matcher(request.getUrl());
        if (!path.matches() || !holders.contains(path.group(1))) {
            return error(404, "UNKNOWN_HOLDER", "No case file system is known for this holder.");
        }
        String holder = path.group(1);
        Optional<Map<?, ?>> body = parseObject(request.getBodyAsString());
        if (body.isEmpty()) {
            return error(400, "MALFORMED_REQUEST", "The request body must be a JSON object such as {\"bsn\": \"…\"}.");
        }
        // The BSN is deliberately never echoed in an error: error bodies end up in client logs.
        if (!(body.get().get("bsn") instanceof String bsn) || !Elfproef.isValid(bsn)) {
            return error(404, "NO_DOSSIER", "No dossier was found for the requested subject.");
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("holder", holder);
        envelope.put("bsn", bsn);
        envelope.put(
                "retrievedAt", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        envelope.put("sections", dossiers.sections(holder, bsn));
        return json(200, envelope);
    }

    private static Optional<Map<?, ?>> parseObject(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Json.read(body, Map.class));
        } catch (JsonException malformed) {
            return Optional.empty();
        }
    }

    private static ResponseDefinition error(int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("code", code);
        body.put("message", message);
        return json(status, body);
    }

    private static ResponseDefinition json(int status, Map<String, Object> body) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(Json.write(body))
                .build();
    }
}
