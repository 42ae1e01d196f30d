package nl.deelpoort.casefile.stub;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.common.JsonException;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Answers {@code POST /personen} of the BRP API Personen for the query type {@code RaadpleegMetBurgerservicenummer}:
 * each known BSN's person, reduced to the requested {@code fields} (top-level names and {@code geboorte.datum}); an
 * unknown BSN is left out, as the register does for a BSN it has no living person for. Other query types and malformed
 * bodies get the API's 400 (a {@code Foutbericht}), which never quotes the BSN.
 */
final class PersonenTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "brp-personen";
    static final String QUERY = "RaadpleegMetBurgerservicenummer";

    private static final Pattern BSN = Pattern.compile("[0-9]{9}");
    private static final Pattern FIELD = Pattern.compile("[a-zA-Z0-9._]{1,200}");
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final Clock clock;

    PersonenTransformer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Map<?, ?> body = parse(serveEvent.getRequest().getBodyAsString());
        if (body == null) {
            return error("Het verzoek is geen geldig JSON-object.", "paramsValidation");
        }
        if (!QUERY.equals(body.get("type"))) {
            return error("Deze stand-in kent alleen het type " + QUERY + ".", "paramsValidation");
        }
        if (!(body.get("fields") instanceof List<?> fields)
                || fields.isEmpty()
                || !fields.stream()
                        .allMatch(f -> f instanceof String s && FIELD.matcher(s).matches())) {
            return error("Parameter fields is verplicht.", "paramsRequired");
        }
        if (!(body.get("burgerservicenummer") instanceof List<?> bsns)
                || bsns.isEmpty()
                || bsns.size() > 20
                || !bsns.stream()
                        .allMatch(b -> b instanceof String s && BSN.matcher(s).matches())) {
            return error("Parameter burgerservicenummer is ongeldig.", "paramsValidation");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        List<Map<String, Object>> personen = new ArrayList<>();
        for (Object bsn : bsns) {
            Households.find((String) bsn).ifPresent(p -> personen.add(select(Households.persoon(p, today), fields)));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("type", QUERY);
        answer.put("personen", personen);
        return json(200, "application/json; charset=utf-8", answer);
    }

    /** Keeps what {@code fields} asks for: a whole top-level field, or one member of {@code geboorte}. */
    private static Map<String, Object> select(Map<String, Object> persoon, List<?> fields) {
        Map<String, Object> selected = new LinkedHashMap<>();
        for (Object f : fields) {
            String[] path = ((String) f).split("\\.");
            Object value = persoon.get(path[0]);
            if (value == null) {
                continue;
            }
            if (path.length > 1 && value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> into = (Map<String, Object>)
                        selected.computeIfAbsent(path[0], k -> new LinkedHashMap<String, Object>());
                if (nested.get(path[1]) != null) {
                    into.put(path[1], nested.get(path[1]));
                }
            } else {
                selected.put(path[0], value);
            }
        }
        return selected;
    }

    private static Map<?, ?> parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return Json.read(body, Map.class);
        } catch (JsonException malformed) {
            return null;
        }
    }

    private static ResponseDefinition error(String title, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.1");
        body.put("title", title);
        body.put("status", 400);
        body.put("code", code);
        return json(400, "application/problem+json", body);
    }

    private static ResponseDefinition json(int status, String type, Map<String, Object> body) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", type)
                .withBody(Json.write(body))
                .build();
    }
}
